// instrument(): one entry point that gives spans to whatever runs the agent — a Hotpath Runner, a plain async agent
// function, a ModelProvider used by an agent built elsewhere, or an `openai` client.
import { instrumentOpenAI, isOpenAIClient, type OpenAIClientLike } from '../integrations/openai/instrument-openai.ts';
import type { ModelProvider } from '../provider/model-provider.ts';
import type { RunListener } from '../runner/run-events.ts';
import { instrumentFunction, type AsyncAgentFunction } from './instrument-function.ts';
import { resolveTelemetry, type InstrumentOptions } from './instrument-options.ts';
import { instrumentProvider } from './instrument-provider.ts';
import { createRunSpanListener, type RunSpanListener } from './run-span-listener.ts';
import { TelemetryError } from './telemetry-error.ts';

/** What instrument() needs from a Runner: its event subscription. */
export interface SubscribableRunner {
  subscribe(listener: RunListener): () => void;
}

interface Instrumentation {
  spans: RunSpanListener;
  unsubscribe: () => void;
}

const instrumented = new WeakMap<SubscribableRunner, Instrumentation>();

function isRunner(target: unknown): target is SubscribableRunner {
  return typeof target === 'object' && target !== null && typeof (target as SubscribableRunner).subscribe === 'function';
}

function isProvider(target: unknown): target is ModelProvider {
  const candidate = target as Partial<ModelProvider> | null;
  return typeof target === 'object' && candidate !== null && candidate.specificationVersion === 'v1' && typeof candidate.stream === 'function';
}

function instrumentRunner<R extends SubscribableRunner>(runner: R, options: InstrumentOptions): R {
  // Idempotent: a second listener would write every span twice.
  if (instrumented.has(runner)) return runner;
  const { tracer, metrics, captureContent } = resolveTelemetry(options);
  const spans = createRunSpanListener({ tracer, metrics, captureContent, attributes: options.attributes });
  instrumented.set(runner, { spans, unsubscribe: runner.subscribe(spans.listener) });
  return runner;
}

/**
 * Gives an agent OpenTelemetry GenAI spans (docs/spans.md).
 *
 * - a **Runner**: subscribes to its events; every run becomes an `invoke_agent {agent}` span with `chat {model}` and
 *   `execute_tool {tool}` children (sub-agent runs nest under the tool that started them). Returns the same runner;
 *   instrumenting it again changes nothing (call `uninstrument()` first to change options).
 * - an **async function**: each call becomes an `invoke_agent {name}` span, active while it runs, so every run and
 *   model call inside it joins one trace. Returns a wrapper with the same signature.
 * - a **ModelProvider**: each `stream()` call becomes a `chat {model}` span. Returns a wrapped provider.
 * - an **`openai` client**: each `chat.completions.create` and `responses.create` call becomes a `chat {model}` span.
 *   Returns the client, wrapped. (`@openai/agents`, LangChain.js and the Vercel AI SDK have their own set-ups:
 *   `@hotpath/sdk/openai-agents`, `@hotpath/sdk/langchain`, and `experimental_telemetry` respectively.)
 *
 * Spans go to `options.tracerProvider`, else the global one (see `setup()` in `@hotpath/sdk/otel`). Content is
 * recorded only with `captureContent: true` or `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true`.
 *
 * @example
 * const runner = instrument(new Runner({ provider }));
 * const answer = instrument(async (question: string) => (await runner.run(agent, question)).finalOutput, { name: 'desk' });
 */
export function instrument<R extends SubscribableRunner>(runner: R, options?: InstrumentOptions): R;
export function instrument<P extends ModelProvider>(provider: P, options?: InstrumentOptions): P;
export function instrument<F extends AsyncAgentFunction>(fn: F, options?: InstrumentOptions): F;
export function instrument<C extends OpenAIClientLike>(client: C, options?: InstrumentOptions): C;
export function instrument(target: unknown, options: InstrumentOptions = {}): unknown {
  if (typeof target === 'function') return instrumentFunction(target as AsyncAgentFunction, options);
  if (isRunner(target)) return instrumentRunner(target, options);
  if (isProvider(target)) return instrumentProvider(target, options);
  if (isOpenAIClient(target)) return instrumentOpenAI(target, options);
  throw new TelemetryError(
    `instrument() takes a Runner, an async function, a ModelProvider or an openai client; got ${describe(target)}`,
  );
}

/** What was passed, with a pointer to the right set-up for the frameworks that have their own. */
function describe(target: unknown): string {
  if (target === null || typeof target !== 'object') return target === null ? 'null' : typeof target;
  const name = (target as { constructor?: { name?: string } }).constructor?.name ?? 'Object';
  // An @openai/agents Runner: its spans come through its own tracing extension point, registered once.
  if (name === 'Runner' && typeof (target as { run?: unknown }).run === 'function') {
    return 'an @openai/agents Runner (use instrumentOpenAIAgents() from @hotpath/sdk/openai-agents)';
  }
  return `an object (${name})`;
}

/**
 * Removes the spans instrument() added to a runner: its listener is unsubscribed (the runner then does no telemetry
 * work at all) and spans of runs still in flight are ended now. Returns whether the runner was instrumented.
 *
 * @example
 * instrument(runner); …; uninstrument(runner);
 */
export function uninstrument(runner: SubscribableRunner): boolean {
  const instrumentation = instrumented.get(runner);
  if (!instrumentation) return false;
  instrumented.delete(runner);
  instrumentation.unsubscribe();
  instrumentation.spans.close();
  return true;
}
