import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidRequestError } from './chat-request.ts';
import { applyOutputFault, FaultCounter } from './faults.ts';

describe('fault header', () => {
  it('applies a plain fault to every request', () => {
    const counter = new FaultCounter();
    assert.equal(counter.fromHeader('http-500'), 'http-500');
    assert.equal(counter.fromHeader('http-500'), 'http-500');
    assert.equal(counter.fromHeader(undefined), undefined);
    assert.equal(counter.fromHeader(' '), undefined);
  });

  it('limits a counted fault to the first N requests with that header value', () => {
    const counter = new FaultCounter();
    assert.deepEqual([1, 2, 3].map(() => counter.fromHeader('http-429:2')), ['http-429', 'http-429', undefined]);
    assert.equal(counter.fromHeader('cut-stream:1'), 'cut-stream', 'each header value counts on its own');
  });

  it('rejects unknown faults and bad counts with a typed error', () => {
    const counter = new FaultCounter();
    assert.throws(() => counter.fromHeader('meteor'), InvalidRequestError);
    assert.throws(() => counter.fromHeader('http-429:two'), /whole number/);
  });
});

describe('output faults', () => {
  const decision = {
    kind: 'tool-calls' as const,
    toolCalls: [
      { id: 'call_a', name: 'get_order', arguments: '{"orderId":"O-5002"}' },
      { id: 'call_b', name: 'get_customer', arguments: '{"customerId":"C-1001"}' },
    ],
  };

  it('breaks the first tool call only', () => {
    const malformed = applyOutputFault(decision, 'malformed-tool-json');
    assert.ok(malformed.kind === 'tool-calls');
    assert.throws(() => JSON.parse(malformed.toolCalls[0]?.arguments ?? ''));
    assert.deepEqual(malformed.toolCalls[1], decision.toolCalls[1]);
    const unknown = applyOutputFault(decision, 'unknown-tool');
    assert.ok(unknown.kind === 'tool-calls');
    assert.equal(unknown.toolCalls[0]?.name, 'lookup_everything');
  });

  it('leaves text answers and transport faults alone', () => {
    const text = { kind: 'text' as const, text: 'Hello' };
    assert.equal(applyOutputFault(text, 'malformed-tool-json'), text);
    assert.equal(applyOutputFault(decision, 'http-500'), decision);
    assert.equal(applyOutputFault(decision, undefined), decision);
  });
});
