// The peer: the same agent (same instructions, same tools, same model) run by @openai/agents with its default
// settings, pointed at the same simulated server's Chat Completions API (`OpenAIChatCompletionsModel` with the
// server's client, what `setOpenAIAPI('chat_completions')` would build, but per agent, so two suites on two servers
// can run in one process), and multi-turn conversations carried with `result.history`, as that SDK's documentation
// shows. Its tracing is disabled unless the benchmark traces (`traced`: `instrumentOpenAIAgents()` was called, so
// its runs become Hotpath spans), so an untraced run pays nothing for it.
import {
  Agent,
  MaxTurnsExceededError,
  OpenAIChatCompletionsModel,
  run,
  setTracingDisabled,
  tool,
  user,
} from '@openai/agents';
import type { AgentInputItem, InputGuardrail, Usage } from '@openai/agents';
import OpenAI from 'openai';
import { answerOf } from './answer-text.ts';
import { GUARDRAIL_MAX_OUTPUT_TOKENS, GUARDRAIL_MODEL, guardrailMessages, readGuardrailVerdict } from './support-desk-guardrail.ts';
import type { SuiteTool } from './bench-suite.ts';
import type { TaskExecutor, WorkloadAttributes } from './task-executor.ts';
import { addUsage, emptyUsage } from './task-run.ts';
import type { TaskLike, TaskOutput, TaskUsage } from './task-run.ts';

export interface OpenAIAgentsExecutorOptions {
  /** The simulated server's OpenAI base URL, e.g. `http://127.0.0.1:4010/v1`. */
  baseURL: string;
  apiKey?: string;
  instructions: string;
  /** The agent's name (default `support-desk`). */
  name?: string;
  /**
   * The workload's framework-neutral tools, each wrapped with @openai/agents' own `tool()`; or a function making a
   * fresh set per task (a suite whose tools keep state).
   */
  tools: readonly SuiteTool[] | (() => readonly SuiteTool[]);
  /** The model every step uses (the peer has no router): `sim-large`. */
  model: string;
  /** The support desk's input guardrail on this model (default `sim-small`); `false` for a suite without one. */
  guardrailModel?: string | false;
  variant?: string;
  /** The suite it runs, recorded on its task runs. */
  suite?: string;
  /** Runs each turn inside whatever the caller wants around it (a span carrying the task's attributes). */
  wrapTurn?: TurnWrapper;
  /**
   * Leave @openai/agents' tracing as the caller set it up (`instrumentOpenAIAgents()`, see `startCollectorExport`).
   * Default false: its tracing is switched off, process-wide.
   */
  traced?: boolean;
}

/** Runs one turn of a task inside, e.g., an instrumented function; must return the turn's own result. */
export type TurnWrapper = <T>(attributes: WorkloadAttributes, turn: () => Promise<T>) => Promise<T>;

/**
 * A client for an OpenAI-compatible server; @openai/agents' own tracing is switched off (a process-wide setting of
 * that SDK) unless `traced` says the caller instrumented it.
 *
 * @example
 * const client = configureOpenAIAgents({ baseURL: server.baseURL, apiKey: 'sk-simulated' });
 */
export function configureOpenAIAgents(options: { baseURL: string; apiKey?: string; traced?: boolean }): OpenAI {
  if (!options.traced) setTracingDisabled(true);
  return new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey ?? 'sk-hotpath-simulated' });
}

/**
 * The support-desk agent as an @openai/agents `Agent`: each workload tool through that SDK's own `tool()`.
 *
 * @example
 * const agent = openaiAgentsSupportAgent({ instructions, tools: supportDeskTools, model: 'sim-large' });
 */
export function openaiAgentsSupportAgent(
  options: Pick<OpenAIAgentsExecutorOptions, 'instructions' | 'model' | 'name' | 'guardrailModel'> & { tools: readonly SuiteTool[]; client: OpenAI },
) {
  const guardrailModel = options.guardrailModel ?? GUARDRAIL_MODEL;
  return new Agent<GuardrailUsageSink>({
    name: options.name ?? 'support-desk',
    instructions: options.instructions,
    model: new OpenAIChatCompletionsModel(options.client, options.model),
    inputGuardrails: guardrailModel === false ? [] : [openaiAgentsInputGuardrail(options.client, guardrailModel)],
    tools: options.tools.map((neutral) =>
      tool({
        name: neutral.name,
        description: neutral.description,
        parameters: neutral.parameters,
        execute: (args, _context, details) =>
          neutral.execute(args as never, details?.signal ? { signal: details.signal } : {}),
      }),
    ),
  });
}

/** Where a turn's guardrail calls add their usage (the run's context): that SDK does not count them in the run. */
export interface GuardrailUsageSink {
  guardrailUsage: TaskUsage;
}

/**
 * The support desk's guardrail as an @openai/agents native input guardrail, with that SDK's defaults (it runs in
 * parallel with the first model call): the same request and verdict reading as Hotpath's, through the same client.
 *
 * @example
 * new Agent({ ...options, inputGuardrails: [openaiAgentsInputGuardrail(client, 'sim-small')] });
 */
export function openaiAgentsInputGuardrail(client: OpenAI, model: string): InputGuardrail {
  return {
    name: 'input-guardrail',
    async execute({ input, context }) {
      const response = await client.chat.completions.create({
        model,
        max_tokens: GUARDRAIL_MAX_OUTPUT_TOKENS,
        messages: guardrailMessages(latestUserText(input)),
      });
      const sink = (context.context as Partial<GuardrailUsageSink> | undefined)?.guardrailUsage;
      if (sink && response.usage) {
        addUsage(sink, {
          inputTokens: response.usage.prompt_tokens,
          outputTokens: response.usage.completion_tokens,
          cachedInputTokens: response.usage.prompt_tokens_details?.cached_tokens ?? 0,
          requests: 1,
          requestsByModel: { [model]: 1 },
        });
      }
      const verdict = readGuardrailVerdict(response.choices[0]?.message.content ?? '');
      return { tripwireTriggered: !verdict.allowed, outputInfo: verdict };
    },
  };
}

/** The text of the latest user message of a run's input (a string, or items with text parts). */
function latestUserText(input: string | readonly unknown[]): string {
  if (typeof input === 'string') return input;
  for (let index = input.length - 1; index >= 0; index--) {
    const item = input[index] as { role?: unknown; content?: unknown };
    if (item?.role !== 'user') continue;
    if (typeof item.content === 'string') return item.content;
    if (Array.isArray(item.content)) {
      return item.content.map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : '')).join('');
    }
  }
  return '';
}

/**
 * A TaskExecutor running tasks with @openai/agents' default `run()`.
 *
 * @example
 * const peer = openaiAgentsExecutor({ baseURL, instructions, tools, model: 'sim-large' });
 * const output = await peer.runTask(task, {});
 */
export function openaiAgentsExecutor<Task extends TaskLike>(options: OpenAIAgentsExecutorOptions): TaskExecutor<Task> {
  const client = configureOpenAIAgents(options);
  const { tools } = options;
  const shared = typeof tools === 'function' ? undefined : openaiAgentsSupportAgent({ ...options, tools, client });
  return {
    variant: options.variant ?? 'openai-agents',
    ...(options.suite !== undefined && { suite: options.suite }),
    startBatch() {},
    async runTask(task, attributes): Promise<TaskOutput> {
      const agent = shared ?? openaiAgentsSupportAgent({ ...options, tools: (tools as () => readonly SuiteTool[])(), client });
      const usage = emptyUsage();
      const outcomes: string[] = [];
      const answers: string[] = [];
      let history: AgentInputItem[] = [];
      for (const turn of task.turns) {
        try {
          const input = [...history, user(turn)];
          const context: GuardrailUsageSink = { guardrailUsage: usage };
          const result = options.wrapTurn
            ? await options.wrapTurn(attributes, () => run(agent, input, { context }))
            : await run(agent, input, { context });
          addUsage(usage, usageOf(result.state.usage, options.model));
          history = result.history;
          answers.push(typeof result.finalOutput === 'string' ? result.finalOutput : '');
          outcomes.push('completed');
        } catch (error) {
          // A run that throws (max turns, a model error) leaves the user without an answer: the task is wrong.
          const state = (error as { state?: { usage?: Usage } }).state;
          if (state?.usage) addUsage(usage, usageOf(state.usage, options.model));
          outcomes.push(error instanceof MaxTurnsExceededError ? 'max_turns' : 'error');
          return { answer: answerOf(answers), usage, outcomes, error: errorMessage(error) };
        }
      }
      return { answer: answerOf(answers), usage, outcomes };
    },
    async close() {},
  };
}

/** A run's usage as @openai/agents counts it (Chat Completions usage, cached tokens included in input). */
function usageOf(usage: Usage, model: string): TaskUsage {
  const cachedInputTokens = usage.inputTokensDetails.reduce((sum, details) => sum + (details['cached_tokens'] ?? 0), 0);
  return {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    cachedInputTokens,
    requests: usage.requests,
    requestsByModel: usage.requests > 0 ? { [model]: usage.requests } : {},
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
