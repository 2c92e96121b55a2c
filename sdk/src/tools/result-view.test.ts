import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compactResult, modelViewOf } from './result-view.ts';

describe('compactResult', () => {
  it('drops null, undefined and empty fields at every depth and keeps 0, false and array positions', () => {
    const raw = { id: 'O-1', note: null, tags: [], extra: {}, gift: '', total: 0, paid: false, lines: [{ sku: 'A', discount: null }, null], meta: { a: { b: [] } } };
    assert.deepEqual(compactResult(raw), { id: 'O-1', total: 0, paid: false, lines: [{ sku: 'A' }, null] });
  });

  it('leaves strings, numbers and class instances as they are', () => {
    const date = new Date(0);
    assert.equal(compactResult('text'), 'text');
    assert.equal(compactResult(3), 3);
    assert.equal((compactResult({ at: date }) as { at: Date }).at, date);
  });
});

describe('modelViewOf', () => {
  const order = { id: 'O-1', status: 'shipped', shipmentId: 'S-1', payment: { card: 'visa', gateway: null } };

  it('applies the projection, then compacts it', () => {
    const view = modelViewOf({ modelView: (o) => ({ id: (o as typeof order).id, shipmentId: (o as typeof order).shipmentId, note: null }) }, order);
    assert.deepEqual(view, { id: 'O-1', shipmentId: 'S-1' });
  });

  it('compacts the whole result when the tool has no view', () => {
    assert.deepEqual(modelViewOf({}, order), { id: 'O-1', status: 'shipped', shipmentId: 'S-1', payment: { card: 'visa' } });
  });

  it('shows the whole result when the view throws on a shape it did not expect', () => {
    const view = modelViewOf({ modelView: () => { throw new TypeError('no items'); } }, order);
    assert.deepEqual(view, { id: 'O-1', status: 'shipped', shipmentId: 'S-1', payment: { card: 'visa' } });
  });
});
