import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Attributes, DecodedSpan } from '../otlp/otlp-types.ts';
import { deriveSpan } from './derive-span.ts';
import { defaultPricing } from './pricing.ts';

function span(name: string, attributes: Attributes, extra: Partial<DecodedSpan> = {}): DecodedSpan {
  return {
    traceId: 'a'.repeat(32),
    spanId: 'b'.repeat(16),
    parentSpanId: '',
    traceState: '',
    flags: 0,
    name,
    kind: 1,
    startTimeUnixNano: '0',
    endTimeUnixNano: '0',
    attributes,
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: 0, message: '' },
    ...extra,
  };
}

describe('deriveSpan', () => {
  it('counts a span with tokens as a model call, but never an agent span carrying run totals', () => {
    const usage = { 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.output_tokens': 1 };
    assert.equal(deriveSpan(span('chat x', { 'gen_ai.operation.name': 'chat', ...usage }), {}, defaultPricing).isModelCall, true);
    assert.equal(deriveSpan(span('text_completion x', usage), {}, defaultPricing).isModelCall, true, 'older senders omit the operation');
    assert.equal(deriveSpan(span('invoke_agent a', { 'gen_ai.operation.name': 'invoke_agent', ...usage }), {}, defaultPricing).isModelCall, false);
    assert.equal(deriveSpan(span('invoke_agent a', usage), {}, defaultPricing).isModelCall, false);
    assert.equal(deriveSpan(span('chat x', { 'gen_ai.operation.name': 'chat' }), {}, defaultPricing).isModelCall, false, 'no model, no tokens: nothing to count');
  });

  it('counts a chat span with a model but no token counts as a model call, at no known cost', () => {
    const derived = deriveSpan(span('chat sim-small', { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'sim-small' }), {}, defaultPricing);
    assert.equal(derived.isModelCall, true);
    assert.equal(derived.inputTokens, null);
    assert.equal(derived.costUsd, null);
  });

  it('prefers the response model and the current provider key', () => {
    const derived = deriveSpan(
      span('chat gpt-4.1', { 'gen_ai.request.model': 'gpt-4.1', 'gen_ai.response.model': 'gpt-4.1-2025-04-14', 'gen_ai.system': 'openai', 'gen_ai.provider.name': 'azure.ai.openai' }),
      { 'service.name': 'svc' },
      defaultPricing,
    );
    assert.equal(derived.model, 'gpt-4.1-2025-04-14');
    assert.equal(derived.provider, 'azure.ai.openai');
    assert.equal(derived.service, 'svc');
  });

  it('uses the sender’s cost only for models the pricing table does not know', () => {
    const attributes = { 'gen_ai.usage.input_tokens': 1_000_000, 'gen_ai.usage.output_tokens': 0, 'hotpath.usage.cost_usd': 9.5 };
    assert.equal(deriveSpan(span('chat m', { ...attributes, 'gen_ai.request.model': 'my-own-model' }), {}, defaultPricing).costUsd, 9.5);
    assert.equal(deriveSpan(span('chat m', { ...attributes, 'gen_ai.request.model': 'sim-small' }), {}, defaultPricing).costUsd, 0.4);
  });

  it('reads the error type from error.type, else from a recorded exception on an error span', () => {
    assert.equal(deriveSpan(span('x', { 'error.type': 'timeout' }), {}, defaultPricing).errorType, 'timeout');
    const failed = span('x', {}, {
      status: { code: 2, message: 'boom' },
      events: [{ name: 'exception', timeUnixNano: '0', attributes: { 'exception.type': 'RangeError' }, droppedAttributesCount: 0 }],
    });
    assert.equal(deriveSpan(failed, {}, defaultPricing).errorType, 'RangeError');
    assert.equal(deriveSpan(span('x', {}), {}, defaultPricing).errorType, null);
  });

  it('keeps only known cache outcomes and a true simulated flag', () => {
    assert.equal(deriveSpan(span('t', { 'hotpath.cache.hit': 'shared' }), {}, defaultPricing).cacheHit, 'shared');
    assert.equal(deriveSpan(span('t', { 'hotpath.cache.hit': 'maybe' }), {}, defaultPricing).cacheHit, null);
    assert.equal(deriveSpan(span('t', { 'hotpath.simulated': 'true' }), {}, defaultPricing).simulated, false);
    assert.equal(deriveSpan(span('t', { 'hotpath.simulated': true }), {}, defaultPricing).simulated, true);
  });
});
