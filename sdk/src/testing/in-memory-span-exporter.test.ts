import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { context, trace } from '@opentelemetry/api';
import { createTestTracing } from './in-memory-span-exporter.ts';

const tracing = createTestTracing();
after(() => tracing.shutdown());

describe('createTestTracing', () => {
  it('records finished spans in memory, filters them by name, draws them as a tree, and forgets them on reset', async () => {
    const tracer = tracing.tracerProvider.getTracer('test');
    await tracer.startActiveSpan('outer', async (outer) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      // The installed context manager carries the active span across the await: the child nests.
      tracer.startSpan('inner').end();
      outer.end();
    });
    assert.deepEqual(tracing.spans().map((span) => span.name), ['inner', 'outer']);
    assert.equal(tracing.spansNamed('inner')[0]!.parentSpanContext?.spanId, tracing.spansNamed('outer')[0]!.spanContext().spanId);
    assert.match(tracing.tree(), /^outer\s+[\d.]+ ms.*\n└─ inner/);
    tracing.reset();
    assert.equal(tracing.spans().length, 0);
  });

  it('leaves the active context alone outside spans', () => {
    assert.equal(trace.getSpan(context.active()), undefined);
  });
});
