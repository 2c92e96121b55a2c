// Realistic OTLP/protobuf batches for the ingest benchmark: agent runs of one invoke_agent, three chat calls and
// four tool calls (8 spans, 10–20 attributes each, GenAI conventions plus hotpath.*), 64 runs per 512-span batch.
// One template is encoded with protobufjs; each batch is a copy whose trace and span ids are rewritten in place
// (first four id bytes = batch number), so every span the benchmark sends is distinct and cheap to make.
import { randomBytes } from 'node:crypto';
import { otlpProtobuf, type FixtureSpan } from '../src/testing/otlp-request.ts';

export interface BatchFactory {
  spansPerBatch: number;
  /** The n-th batch: distinct ids for every n. */
  batch(n: number): Buffer;
}

/**
 * Builds the template and returns a factory.
 *
 * @example
 * const factory = createBatchFactory(512);
 * await fetch(url, { method: 'POST', body: factory.batch(1), headers: { 'content-type': 'application/x-protobuf' } });
 */
export function createBatchFactory(spansPerBatch: number): BatchFactory {
  const runs = Math.max(1, Math.floor(spansPerBatch / 8));
  const spans: FixtureSpan[] = [];
  const ids: Buffer[] = [];
  const now = Date.now();
  const runSpacingMs = 50;
  for (let run = 0; run < runs; run++) {
    const traceId = randomBytes(16).toString('hex');
    const rootId = randomBytes(8).toString('hex');
    ids.push(Buffer.from(traceId, 'hex'), Buffer.from(rootId, 'hex'));
    const start = now + run * runSpacingMs;
    const child = (name: string, offset: number, length: number, attributes: FixtureSpan['attributes'], kind = 1): FixtureSpan => {
      const spanId = randomBytes(8).toString('hex');
      ids.push(Buffer.from(spanId, 'hex'));
      return { traceId, spanId, parentSpanId: rootId, name, kind, startMs: start + offset, endMs: start + offset + length, attributes };
    };
    for (let step = 0; step < 3; step++) {
      const model = step === 1 ? 'sim-large' : 'sim-small';
      spans.push(
        child(`chat ${model}`, step * 400, 380, {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'hotpath.simulated',
          'gen_ai.request.model': model,
          'gen_ai.response.model': model,
          'gen_ai.response.id': `chatcmpl-${run}-${step}`,
          'gen_ai.response.finish_reasons': [step === 2 ? 'stop' : 'tool_calls'],
          'gen_ai.request.max_tokens': 1024,
          'gen_ai.request.temperature': 0.2,
          'gen_ai.usage.input_tokens': 1800 + step * 600,
          'gen_ai.usage.output_tokens': 120 + step * 10,
          'gen_ai.usage.cache_read.input_tokens': step * 1500,
          'server.address': '127.0.0.1',
          'server.port': 8787,
          'hotpath.time_to_first_chunk_ms': 85.5,
          'hotpath.connection': step === 0 ? 'new' : 'reused',
          'hotpath.retries': 0,
          'hotpath.model_call.purpose': 'chat',
          'hotpath.route.model': model,
          'hotpath.route.rule': 'step:tool-selection',
          'hotpath.simulated': true,
        }, 3),
      );
    }
    for (let call = 0; call < 4; call++) {
      const hit = call % 2 === 0 ? 'hit' : 'miss';
      spans.push(
        child(`execute_tool lookup_order`, 380 + call * 5, hit === 'hit' ? 1 : 120, {
          'gen_ai.operation.name': 'execute_tool',
          'gen_ai.tool.name': 'lookup_order',
          'gen_ai.tool.call.id': `call_${run}_${call}`,
          'gen_ai.tool.description': 'Looks up an order by id',
          'gen_ai.tool.type': 'function',
          'hotpath.cache.hit': hit,
          'hotpath.tool.eager': true,
          'hotpath.tool.prefetched': false,
          'hotpath.tool.timed_out': false,
          'hotpath.tool.fallback_used': false,
          'hotpath.tool.saved_ms': hit === 'hit' ? 118.5 : 0,
        }),
      );
    }
    spans.push({
      traceId,
      spanId: rootId,
      name: 'invoke_agent support',
      startMs: start,
      endMs: start + 1300,
      attributes: {
        'gen_ai.operation.name': 'invoke_agent',
        'gen_ai.provider.name': 'hotpath.simulated',
        'gen_ai.agent.name': 'support',
        'gen_ai.agent.id': `run-${run}`,
        'gen_ai.request.model': 'sim-large',
        'gen_ai.usage.input_tokens': 7200,
        'gen_ai.usage.output_tokens': 390,
        'gen_ai.usage.cache_read.input_tokens': 4500,
        'hotpath.run.outcome': 'completed',
        'hotpath.run.steps': 3,
        'hotpath.usage.requests': 3,
        'hotpath.usage.cost_usd': 0.0123,
        'hotpath.optimizations.preset': 'optimized',
        'hotpath.simulated': true,
        'hotpath.workload.variant': 'optimized',
        'hotpath.workload.task': 'order-status',
      },
    });
  }
  const template = Buffer.from(otlpProtobuf(spans.slice(0, spansPerBatch), { attributes: { 'service.name': 'bench', 'telemetry.sdk.language': 'nodejs' } }));
  const offsets: number[] = [];
  for (const id of ids) {
    for (let at = template.indexOf(id); at !== -1; at = template.indexOf(id, at + 1)) offsets.push(at);
  }
  // Start and end times are fixed64 fields: found the same way, and moved on by one batch's span of time per
  // batch, so time advances from batch to batch as it does in a live system (not the same instants again and again).
  const timeOffsets = new Set<number>();
  for (const span of spans.slice(0, spansPerBatch)) {
    for (const ms of [span.startMs, span.endMs]) {
      const encoded = Buffer.alloc(8);
      encoded.writeBigUInt64LE(BigInt(ms) * 1_000_000n);
      for (let at = template.indexOf(encoded); at !== -1; at = template.indexOf(encoded, at + 1)) timeOffsets.add(at);
    }
  }
  const batchSpanNanos = BigInt(runs * runSpacingMs) * 1_000_000n;
  return {
    spansPerBatch: Math.min(spansPerBatch, spans.length),
    batch(n) {
      const copy = Buffer.from(template);
      for (const offset of offsets) copy.writeUInt32BE(n >>> 0, offset);
      const shift = BigInt(n) * batchSpanNanos;
      for (const offset of timeOffsets) copy.writeBigUInt64LE(copy.readBigUInt64LE(offset) + shift, offset);
      return copy;
    },
  };
}
