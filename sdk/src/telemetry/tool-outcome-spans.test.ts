// Honest status on tool spans: a timeout answered by the tool's fallback and a speculative call cancelled unused
// work as designed, so their spans are not errors (hotpath.tool.outcome says what happened); a real failure is.
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { SpanStatusCode } from '@opentelemetry/api';
import { z } from 'zod';
import { Agent } from '../agent/index.ts';
import { Runner } from '../runner/index.ts';
import { createTestTracing, scriptedModel } from '../testing/index.ts';
import { tool } from '../tools/index.ts';
import { instrument } from './instrument.ts';

const tracing = createTestTracing();
const tracerProvider = tracing.tracerProvider;
after(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const slow = (name: string, ms: number, extra: object = {}) =>
  tool({
    name,
    description: `Answers after ${ms} ms`,
    parameters: z.object({ id: z.string() }),
    readOnly: true,
    execute: async ({ id }, { signal }) => {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)));
      });
      return { id };
    },
    ...extra,
  });
const toolSpan = (name: string) => tracing.spansNamed(`execute_tool ${name}`)[0]!;

describe('tool span status', () => {
  it('is not an error when a timeout is answered by the fallback, and names the failure', async () => {
    const recommend = slow('recommend', 2_000, { timeoutMs: 30, fallback: { items: [] } });
    const agent = new Agent({ name: 'desk', instructions: 'Help.', model: 'sim-large', tools: [recommend] });
    const provider = scriptedModel([{ toolCalls: [{ name: 'recommend', arguments: { id: 'C1' } }] }, { text: 'Nothing to recommend.' }]);
    await instrument(new Runner({ provider }), { tracerProvider }).run(agent, 'Recommend something for C1');
    const span = toolSpan('recommend');
    assert.equal(span.status.code, SpanStatusCode.UNSET);
    assert.equal(span.attributes['hotpath.tool.outcome'], 'fell_back');
    assert.equal(span.attributes['hotpath.tool.timed_out'], true);
    assert.equal(span.attributes['hotpath.tool.failure.type'], 'timeout');
    assert.equal(span.attributes['error.type'], undefined);
  });

  it('is not an error when a prefetched call is cancelled unused', async () => {
    const lookup = slow('lookup', 5_000);
    const agent = new Agent({
      name: 'desk', instructions: 'Help.', model: 'sim-large', tools: [lookup],
      prefetch: { atStart: () => [{ tool: 'lookup', arguments: { id: 'C1' } }] },
    });
    await instrument(new Runner({ provider: scriptedModel([{ text: 'No lookup needed.' }]) }), { tracerProvider }).run(agent, 'Hello');
    const span = toolSpan('lookup');
    assert.equal(span.attributes['hotpath.tool.outcome'], 'cancelled');
    assert.equal(span.status.code, SpanStatusCode.UNSET);
  });

  it('is an error when the tool fails with no fallback', async () => {
    const broken = tool({ name: 'broken', description: 'Fails', parameters: z.object({}), execute: async () => { throw new RangeError('no such carrier'); } });
    const agent = new Agent({ name: 'desk', instructions: 'Help.', model: 'sim-large', tools: [broken] });
    const provider = scriptedModel([{ toolCalls: [{ name: 'broken', arguments: {} }] }, { text: 'It failed.' }]);
    await instrument(new Runner({ provider }), { tracerProvider }).run(agent, 'Try it');
    const span = toolSpan('broken');
    assert.equal(span.status.code, SpanStatusCode.ERROR);
    assert.equal(span.attributes['hotpath.tool.outcome'], 'error');
  });
});
