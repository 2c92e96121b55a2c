import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { supportDeskPlaybook as playbook } from '../support-desk/playbook.ts';
import { attributePhrase, formatFactLine, parseFactLines } from './fact-text.ts';

describe('fact lines', () => {
  it('round-trip an entity through text', () => {
    const line = formatFactLine(playbook, 'Order', 'O-5001', [
      ['status', 'delivered'],
      ['total', 33.99],
      ['shipmentId', 'S-9001'],
      ['items', [{ sku: 'x' }]],
      ['deliveredAt', null],
    ]);
    assert.equal(line, 'Order O-5001: status delivered, total $33.99, shipment id S-9001');
    assert.deepEqual(parseFactLines(playbook, `Here you go:\n- ${line}.`), [
      { id: 'O-5001', attributes: new Map([['status', 'delivered'], ['total', '$33.99'], ['shipmentId', 'S-9001']]) },
    ]);
  });

  it('reads id lists, including none', () => {
    const [facts] = parseFactLines(playbook, 'Customer C-1001: orders O-5001, O-5002, tickets none');
    assert.deepEqual(facts?.attributes.get('orders'), ['O-5001', 'O-5002']);
    assert.deepEqual(facts?.attributes.get('tickets'), []);
  });

  it('ignores text that is not a fact line', () => {
    assert.deepEqual(parseFactLines(playbook, 'The customer C-1001 called about O-5002.'), []);
  });

  it('turns camelCase names into phrases', () => {
    assert.equal(attributePhrase('memberSince'), 'member since');
  });
});
