// `pnpm --filter @hotpath/bench bench:overhead`: what the Runner itself costs per agent turn. A zero-latency
// in-process model (the SDK's scripted model) and zero-latency tools leave nothing but orchestration: preparing the
// request, routing, parsing the stream, validating arguments, running tools in parallel, recording the step. The
// model's own work is timed separately and subtracted. Printed with and without `instrument()` (spans recorded by
// a real OpenTelemetry SDK tracer provider into an in-memory exporter), for an agent with one model and for one with
// two (`cascade({ draft, answer })`: draft steps, the answer race, learned prefetch — every switch on). Floor (issue
// 10): < 0.3 ms per turn at p50.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Agent, cascade, createTestTracing, instrument, Runner, scriptedModel, tool } from './sdk.ts';
import type { ModelProvider, ModelStreamEvent } from './sdk.ts';
import { distribution } from './statistics.ts';
import type { Distribution } from './statistics.ts';
import { textTable } from './text-table.ts';

/** The per-turn overhead floor, milliseconds at p50. */
export const OVERHEAD_FLOOR_MS = 0.3;

/**
 * A provider decorator that adds up the time spent inside the wrapped model's streams: the time during which at least
 * one stream is producing its next event, so two streams racing are not counted twice.
 */
export function timedProvider(inner: ModelProvider): ModelProvider & { readonly modelMs: number } {
  let modelMs = 0;
  let busy = 0;
  let since = 0;
  const enter = () => {
    if (busy++ === 0) since = performance.now();
  };
  const leave = () => {
    if (--busy === 0) modelMs += performance.now() - since;
  };
  return {
    specificationVersion: 'v1',
    provider: inner.provider,
    get modelMs() {
      return modelMs;
    },
    async *stream(request, options): AsyncGenerator<ModelStreamEvent> {
      const iterator = inner.stream(request, options)[Symbol.asyncIterator]();
      for (;;) {
        enter();
        let next: IteratorResult<ModelStreamEvent>;
        try {
          next = await iterator.next();
        } finally {
          leave();
        }
        if (next.done) return;
        yield next.value;
      }
    },
  };
}

const lookup = (name: string) =>
  tool({
    name,
    description: `Zero-latency ${name}`,
    parameters: z.object({ id: z.string() }),
    readOnly: true,
    execute: ({ id }) => ({ id, status: 'ok', total: 12.5 }),
  });

const tools = [lookup('get_order'), lookup('get_customer')];
const AGENTS = {
  'one model': new Agent({ name: 'overhead', instructions: 'Look the records up and answer.', model: 'sim-small', tools }),
  'cascade({ draft, answer })': new Agent({
    name: 'overhead-cascade',
    instructions: 'Look the records up and answer.',
    model: cascade({ draft: 'sim-small', answer: 'sim-large' }),
    tools,
  }),
} as const;
export type OverheadAgent = keyof typeof AGENTS;

/** Each run: one turn asking for both tools at once, then one turn answering. */
function twoTurnModel() {
  return scriptedModel((request) =>
    request.messages.at(-1)?.role === 'tool'
      ? { text: 'Order O-1 for customer C-1 is ok.', usage: { inputTokens: 300, outputTokens: 12, cachedInputTokens: 256 } }
      : {
          toolCalls: [
            { name: 'get_order', arguments: { id: 'O-1' } },
            { name: 'get_customer', arguments: { id: 'C-1' } },
          ],
          usage: { inputTokens: 250, outputTokens: 20, cachedInputTokens: 0 },
        },
  );
}

/**
 * Orchestration milliseconds per turn of `runs` runs (after `warmup` unmeasured ones). A fresh scripted model and
 * runner serve every block of runs, so the model's own bookkeeping stays small.
 *
 * @example
 * const perTurn = await measureOverhead({ runs: 500, warmup: 100, instrumented: false });
 */
export async function measureOverhead(options: { runs: number; warmup: number; instrumented: boolean; agent?: OverheadAgent }): Promise<Distribution> {
  const agent = AGENTS[options.agent ?? 'one model'];
  const tracing = options.instrumented ? createTestTracing() : undefined;
  const perTurn: number[] = [];
  const blockSize = 100;
  try {
    for (let done = -options.warmup; done < options.runs; done += blockSize) {
      const provider = timedProvider(twoTurnModel());
      const runner = new Runner({ provider, optimizations: 'optimized' });
      if (tracing) instrument(runner, { tracerProvider: tracing.tracerProvider });
      for (let index = 0; index < blockSize && done + index < options.runs; index++) {
        const modelBefore = provider.modelMs;
        const started = performance.now();
        const result = await runner.run(agent, 'Where is order O-1 of customer C-1?');
        const wallMs = performance.now() - started;
        if (done + index >= 0) perTurn.push((wallMs - (provider.modelMs - modelBefore)) / result.steps.length);
      }
      tracing?.reset();
      await runner.close();
    }
  } finally {
    await tracing?.shutdown();
  }
  return distribution(perTurn);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '1000' }, warmup: { type: 'string', default: '200' } } });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmup) || warmup < 0) {
    throw new RangeError('--runs must be a whole number ≥ 1 and --warmup ≥ 0');
  }
  // Without instrument() first: the tracing set-up registers a global context manager that would stay behind.
  const rows: [string, Distribution][] = [];
  for (const instrumented of [false, true]) {
    for (const agent of Object.keys(AGENTS) as OverheadAgent[]) {
      rows.push([`${agent}, ${instrumented ? 'with' : 'without'} instrument()`, await measureOverhead({ runs, warmup, instrumented, agent })]);
    }
  }
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  console.log(
    `Runner orchestration per turn (every switch on): ${runs} runs of 2 turns each (2 parallel tool calls, then an answer), after ${warmup} warm-up runs.\n` +
      'With cascade({ draft, answer }) the answer turn is two model calls (the draft, then the answer model, raced).\n',
  );
  console.log(textTable(['', 'p50 per turn', 'p95 per turn', 'mean per turn'], rows.map(([label, figures]) => [label, ms(figures.p50), ms(figures.p95), ms(figures.mean)])));
  const worst = Math.max(...rows.map(([, figures]) => figures.p50));
  console.log(`\n${worst < OVERHEAD_FLOOR_MS ? 'met' : 'MISSED'}: p50 per turn < ${OVERHEAD_FLOOR_MS} ms (worst ${ms(worst)}).`);
  if (worst >= OVERHEAD_FLOOR_MS) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
