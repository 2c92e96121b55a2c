// The Runner: runs agents against a model provider with the latency techniques its `optimizations` switch on,
// and tells its listeners everything that happens (telemetry subscribes here). `run()` returns the result; `stream()`
// yields events as they happen and ends with the same result. Every run ends with exactly one `run-end` event.
import { randomUUID } from 'node:crypto';
import type { Agent } from '../agent/agent.ts';
import type { Message } from '../messages.ts';
import type { ModelProvider } from '../provider/model-provider.ts';
import type { Tool, ToolContext } from '../tools/tool.ts';
import { ToolCache } from '../tools/tool-cache.ts';
import { WorkerPool } from '../tools/worker-pool.ts';
import { inputMessage, systemMessage, toolSpecs } from './build-request.ts';
import { selectTools } from './tool-selection.ts';
import { resolveOptimizations, type OptimizationsOption } from './optimizations.ts';
import { compressedPrompt } from './compressed-prompt.ts';
import { DraftStatistics } from './draft-statistics.ts';
import { PrefetchRegistry } from './prefetch.ts';
import { PrefetchLearner } from './prefetch-learner.ts';
import { now, type Budgets, type PendingRunEvent, type RunContext, type RunnerConfig, type RunResult } from './run-context.ts';
import { AbortError, describeError, GuardrailTrippedError, RunError, RunInputError, type RunState } from './run-errors.ts';
import type { RunEvent, RunListener, RunUsage } from './run-events.ts';
import { GuardrailTripSignal, runLoop } from './run-loop.ts';
import { addRunUsage, emptyRunUsage, type Pricing } from './run-usage.ts';
import { EventQueue, isStreamed, type RunStream, type StreamEvent } from './stream-events.ts';
import { subAgentTool } from './sub-agent-tool.ts';
import { validateHistory } from './validate-history.ts';
import { validateBudgets, validatePricing } from './validate-runner-options.ts';

export interface RunnerOptions {
  provider: ModelProvider;
  /** `'optimized'` (default), `'baseline'` (all techniques off), or per-technique overrides of the defaults. */
  optimizations?: OptimizationsOption;
  /** Hard cap on agent steps per run (default 20). */
  maxSteps?: number;
  budgets?: Budgets;
  /** USD per million tokens by model, for `usage.costUsd` and the cost budget, laid over the built-in table the
   * collector prices with (`@hotpath/sdk/pricing`: the simulated models, OpenAI and Anthropic list prices). */
  pricing?: Pricing;
  /** Share one cache between runners (default: a cache of this runner's own). */
  toolCache?: ToolCache;
  /**
   * What the `learnedPrefetch` switch learns into and speculates from (default: a learner of this runner's own,
   * empty). Share one between runners, or seed one from a plan (`new PrefetchLearner({ plan })`).
   */
  prefetchLearner?: PrefetchLearner;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** A previous run's `history`, to continue that conversation. */
  history?: Message[];
  /** A real conversation/session id (becomes `gen_ai.conversation.id`). */
  conversationId?: string;
  /** Set on the run's span as given. */
  attributes?: Record<string, string | number | boolean | string[]>;
}

interface Lineage {
  parentRunId: string;
  parentToolCallId: string;
}

/**
 * Runs agents.
 *
 * @example
 * const runner = new Runner({ provider: openaiCompatible({ baseURL: 'http://127.0.0.1:8787/v1' }) });
 * const first = await runner.run(agent, 'Where is order A1?');
 * const second = await runner.run(agent, 'And when will it arrive?', { history: first.history });
 * for await (const event of runner.stream(agent, 'Hi')) if (event.type === 'text-delta') process.stdout.write(event.delta);
 */
export class Runner {
  readonly provider: ModelProvider;
  readonly #config: RunnerConfig;
  readonly #listeners = new Set<RunListener>();

  constructor(options: RunnerOptions) {
    if (typeof options?.provider?.stream !== 'function') throw new RunInputError('Runner needs a provider (a ModelProvider).');
    if (options.prefetchLearner !== undefined && !(options.prefetchLearner instanceof PrefetchLearner)) {
      throw new RunInputError('prefetchLearner must be a PrefetchLearner (new PrefetchLearner({ plan })).');
    }
    const maxSteps = options.maxSteps ?? 20;
    if (!Number.isInteger(maxSteps) || maxSteps < 1) throw new RunInputError(`maxSteps must be a positive integer, got ${maxSteps}.`);
    const optimizations = resolveOptimizations(options.optimizations);
    this.provider = options.provider;
    this.#config = {
      provider: options.provider,
      optimizations,
      maxSteps,
      budgets: validateBudgets(options.budgets),
      pricing: validatePricing(options.pricing),
      toolCache: options.toolCache ?? new ToolCache(),
      workerPool: new WorkerPool(optimizations.workerTools ? optimizations.workerTools : {}),
      learner: options.prefetchLearner ?? new PrefetchLearner(),
      draftStatistics: new DraftStatistics(),
    };
  }

  /** The resolved technique settings of this runner. */
  get optimizations(): RunnerConfig['optimizations'] {
    return this.#config.optimizations;
  }

  /**
   * Receives every event of every run (nested runs included). Listener errors are swallowed.
   *
   * @example
   * const unsubscribe = runner.subscribe((event) => { if (event.type === 'run-end') console.log(event.outcome); });
   */
  subscribe(listener: RunListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs `agent` on `input` to the end. Rejects with a RunError (AbortError, GuardrailTrippedError, …) on failure. */
  run(agent: Agent, input: string, options: RunOptions = {}): Promise<RunResult> {
    return this.#start(agent, input, options, undefined, undefined);
  }

  /** Runs `agent` on `input`, yielding events as they happen and ending with the result (also on `.result`). */
  stream(agent: Agent, input: string, options: RunOptions = {}): RunStream {
    const stop = new AbortController();
    const queue = new EventQueue<StreamEvent>(() => stop.abort());
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    let runId: string | undefined;
    const result = this.#start(agent, input, { ...options, signal }, undefined, (event) => {
      runId ??= event.runId;
      if (event.runId === runId && isStreamed(event)) queue.push(event);
    });
    result.then(
      (value) => {
        queue.push({ type: 'run-result', result: value });
        queue.end();
      },
      (error: unknown) => queue.end(error),
    );
    return { result, [Symbol.asyncIterator]: () => queue[Symbol.asyncIterator]() };
  }

  /**
   * Stops this runner's worker threads (they start again if a later run needs them). The provider belongs to the
   * caller, who may share it between runners, so it stays open unless `{ provider: true }` asks to close it too
   * (its pooled connections; a later call on it fails). Keep one Runner per process: its tool cache and worker pool
   * serve every run, and close it once, at shutdown, before flushing telemetry.
   *
   * @example
   * await runner.close({ provider: true });
   * await shutdown(); // from setup(): flushes the last spans
   */
  async close(options: { provider?: boolean } = {}): Promise<void> {
    await this.#config.workerPool.close();
    if (options.provider) await this.#config.provider.close?.();
  }

  /** Runs a sub-agent as a child of the tool call that asked for it. */
  /** A sub-agent's run; its usage, finished or failed, is added to the parent run's. */
  #runNested(agent: Agent, input: string, parent: ToolContext, parentUsage: RunUsage): Promise<string> {
    const lineage = { parentRunId: parent.runId, parentToolCallId: parent.toolCallId };
    return this.#start(agent, input, { signal: parent.signal }, lineage, undefined).then(
      (result) => {
        addRunUsage(parentUsage, result.usage);
        return result.finalOutput;
      },
      (error: unknown) => {
        if (error instanceof RunError) addRunUsage(parentUsage, error.state.usage);
        throw error;
      },
    );
  }

  #start(
    agent: Agent,
    input: string,
    options: RunOptions,
    lineage: Lineage | undefined,
    sink: ((event: RunEvent) => void) | undefined,
  ): Promise<RunResult> {
    let run: RunContext;
    try {
      run = this.#createRun(agent, input, options, sink);
    } catch (error) {
      return Promise.reject(error);
    }
    // Emitted synchronously, so listeners see the caller's context (OpenTelemetry parents the run's span there).
    run.emit({
      type: 'run-start',
      agentName: agent.name,
      ...(agent.description ? { agentDescription: agent.description } : {}),
      ...(options.conversationId ? { conversationId: options.conversationId } : {}),
      ...(lineage ?? {}),
      provider: this.#config.provider.provider,
      model: agent.defaultModel,
      input,
      instructions: (run.system.content as string) ?? '',
      optimizations: { ...this.#config.optimizations },
      ...(run.promptTokensSaved > 0 && { promptTokensSaved: run.promptTokensSaved }),
      ...(options.attributes ? { attributes: options.attributes } : {}),
    });
    return this.#finish(run, options.signal);
  }

  async #finish(run: RunContext, callerSignal: AbortSignal | undefined): Promise<RunResult> {
    try {
      callerSignal?.throwIfAborted();
      const end = await runLoop(run);
      const result: RunResult = {
        runId: run.runId,
        finalOutput: end.finalOutput,
        history: run.messages,
        usage: run.usage,
        steps: run.steps,
        outcome: end.outcome,
        ...(end.stopReason ? { stopReason: end.stopReason } : {}),
        speculation: run.prefetch.summary(),
      };
      run.emit({
        type: 'run-end',
        outcome: end.outcome,
        finalOutput: end.finalOutput,
        usage: run.usage,
        steps: run.steps.length,
        ...(result.speculation.started > 0 && { speculation: result.speculation }),
      });
      return result;
    } catch (thrown) {
      const state: RunState = { runId: run.runId, agentName: run.agent.name, history: run.messages, usage: run.usage, steps: run.steps.length };
      const error =
        thrown instanceof GuardrailTripSignal
          ? new GuardrailTrippedError(thrown.trip.guardrail, thrown.trip.reason, state)
          : callerSignal?.aborted
            ? new AbortError(state, { cause: callerSignal.reason })
            : new RunError(`The run of agent "${run.agent.name}" failed: ${describeError(thrown).message}`, state, { cause: thrown });
      const aborted = error instanceof AbortError;
      run.emit({
        type: 'run-end',
        outcome: aborted ? 'aborted' : 'error',
        finalOutput: '',
        usage: run.usage,
        steps: run.steps.length,
        error: describeError(error instanceof GuardrailTrippedError || aborted ? error : thrown),
      });
      throw error;
    }
  }

  #createRun(agent: Agent, input: string, options: RunOptions, sink: ((event: RunEvent) => void) | undefined): RunContext {
    if (typeof agent?.instructions !== 'string' || typeof agent.name !== 'string') throw new RunInputError('run() needs an Agent.');
    if (typeof input !== 'string') throw new RunInputError(`The input must be a string, got ${typeof input}.`);
    const history = validateHistory(options.history);
    const settings = this.#config.optimizations;
    // What the model is shown: with promptCompression, the same agent with its prompt compressed losslessly.
    const shown = settings.promptCompression ? compressedPrompt(agent) : { agent, tokensSaved: 0 };
    const tools = new Map<string, Tool>();
    for (const agentTool of shown.agent.tools) tools.set(agentTool.name, agentTool);
    const usage = emptyRunUsage();
    for (const subAgent of agent.subAgents) tools.set(subAgent.name, subAgentTool(subAgent, (a, i, p) => this.#runNested(a, i, p, usage)));
    const context = agent.contextFor(input);
    const runId = randomUUID();
    const listeners = this.#listeners;
    let calls = 0;
    return {
      runId,
      agent,
      input,
      config: this.#config,
      settings,
      tools,
      toolSpecs: toolSpecs(selectTools(agent, tools, { input, history }, settings.toolSelection), settings.promptCacheLayout),
      system: systemMessage(shown.agent, context, settings.promptCacheLayout),
      promptTokensSaved: shown.tokensSaved,
      signal: options.signal ?? new AbortController().signal,
      startedAt: performance.now(),
      messages: [...history, inputMessage(input, context, settings.promptCacheLayout)],
      steps: [],
      usage,
      prefetch: new PrefetchRegistry(),
      learning: settings.learnedPrefetch ? this.#config.learner.session(agent.name, history, input) : undefined,
      emit(pending: PendingRunEvent) {
        // Telemetry off costs nothing: no event object, no clock read.
        if (sink === undefined && listeners.size === 0) return;
        const event = { ...pending, runId, time: pending.time ?? now() } as RunEvent;
        sink?.(event);
        for (const listener of listeners) {
          try {
            listener(event);
          } catch {
            // A listener must never break a run.
          }
        }
      },
      nextCallId(kind) {
        calls += 1;
        return `${runId}:${kind}:${calls}`;
      },
    };
  }
}
