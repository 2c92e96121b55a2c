// What telemetry costs a run: the same short agent run many times with no telemetry, with instrument() writing to a
// no-op tracer (the listener's own work), and with instrument() writing real spans to memory. Prints figures; asserts
// nothing (the machine is shared and noisy). Run (in sdk/): node --import tsx src/telemetry/bench/telemetry-overhead.ts
import { trace } from '@opentelemetry/api';
import { z } from 'zod';
import { Agent } from '../../agent/index.ts';
import { Runner } from '../../runner/index.ts';
import type { ModelProvider, ModelStreamEvent } from '../../provider/model-provider.ts';
import { createTestTracing } from '../../testing/index.ts';
import { tool } from '../../tools/index.ts';
import { instrument, type InstrumentOptions } from '../index.ts';

const RUNS = Number(process.env.RUNS ?? 1000);
const ROUNDS = 4;

const lookup = tool({
  name: 'lookup',
  description: 'Looks something up',
  parameters: z.object({ id: z.string() }),
  execute: async ({ id }) => ({ id, ok: true }),
});
const agent = new Agent({ name: 'bench', instructions: 'Answer.', model: 'sim-small', tools: [lookup] });

const transport = { connection: 'reused' as const, retries: 0 };
const usage = { inputTokens: 120, outputTokens: 12, cachedInputTokens: 100 };
/** Fixed answers with no work of their own (the scripted model's prefix-cache estimate would dominate the timing). */
const askTools: ModelStreamEvent[] = [
  { type: 'response-start', transport },
  { type: 'tool-call', index: 0, toolCall: { id: 'call_a', name: 'lookup', arguments: '{"id":"a"}' } },
  { type: 'tool-call', index: 1, toolCall: { id: 'call_b', name: 'lookup', arguments: '{"id":"b"}' } },
  { type: 'finish', finishReason: 'tool_calls', usage, transport },
];
const answer: ModelStreamEvent[] = [
  { type: 'response-start', transport },
  { type: 'text-delta', delta: 'done' },
  { type: 'finish', finishReason: 'stop', usage, transport },
];
const provider: ModelProvider = {
  specificationVersion: 'v1',
  provider: 'bench',
  async *stream(request) {
    yield* request.messages.some((message) => message.role === 'tool') ? answer : askTools;
  },
};

/** Two model calls and two tool calls per run: five spans when instrumented. */
function newRunner(): Runner {
  return new Runner({ provider, optimizations: { toolCache: false } });
}

async function microsecondsPerRun(runner: Runner): Promise<number> {
  for (let i = 0; i < 50; i++) await runner.run(agent, 'warm up');
  const start = performance.now();
  for (let i = 0; i < RUNS; i++) await runner.run(agent, `question ${i}`);
  return ((performance.now() - start) * 1000) / RUNS;
}

const memory = createTestTracing();
const variants: Array<[string, () => Runner]> = [
  ['no telemetry', () => newRunner()],
  ['instrument(), no-op tracer', () => instrument(newRunner(), { tracerProvider: trace.getTracerProvider() } satisfies InstrumentOptions)],
  ['instrument(), spans to memory', () => instrument(newRunner(), { tracerProvider: memory.tracerProvider })],
  ['instrument(), spans + content', () => instrument(newRunner(), { tracerProvider: memory.tracerProvider, captureContent: true })],
];

const results = new Map<string, number[]>(variants.map(([name]) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  // A different order each round, so a slow moment of the shared machine does not always hit the same variant.
  for (const [name, make] of variants.map((_, i) => variants[(i + round) % variants.length]!)) {
    const perRun = await microsecondsPerRun(make());
    memory.reset();
    results.get(name)!.push(perRun);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const baseline = median(results.get('no telemetry')!);
console.log(`telemetry overhead: ${RUNS} runs x ${ROUNDS} rounds, 2 model calls + 2 tool calls per run (median of rounds)`);
console.log('variant                          µs/run   +µs/run vs none');
for (const [name, values] of results) {
  const value = median(values);
  console.log(`${name.padEnd(32)} ${value.toFixed(1).padStart(7)}   ${(value - baseline).toFixed(1).padStart(7)}`);
}
await memory.shutdown();
