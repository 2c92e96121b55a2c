// A workload the benchmark runs: its tasks, tools, answer check and the simulated model's playbook, plus the two
// Hotpath agents it can be run with — the `user-config` agent (only what a user writes from the README: two models
// through `cascade({ draft, answer })` and each tool marked `readOnly` / `cache` / `timeoutMs` as its own description
// says) and, for the suite the project tuned itself against, the `fitted` agent. Every variant of a suite runs the
// same instructions, tools and (where the suite has one) input guardrail.
import type { z } from 'zod';
import { Agent, cascade, tool } from './sdk.ts';
import type { Guardrail, Playbook, Tool } from './sdk.ts';
import type { TaskLike } from './task-run.ts';

/** A workload tool as the simulator defines it: plain data any framework can wrap. */
export interface SuiteTool {
  name: string;
  description: string;
  parameters: z.ZodObject;
  execute(args: never, context: { signal?: AbortSignal }): Promise<unknown>;
}

/** The endpoint's two model names: the cheap tier (draft, guardrail) and the strong one (answers, the baseline). */
export interface ModelNames {
  small: string;
  large: string;
}

/**
 * What a user writes for one tool after reading its description: read-only (safe to start early), cacheable
 * (same arguments, same answer), and a timeout with a fallback for a service the description calls slow.
 */
export interface UserToolSettings {
  readOnly?: boolean;
  cache?: boolean;
  /** Milliseconds at latency scale 1 (the benchmark scales it with the workload). */
  timeoutMs?: number;
  fallback?: unknown;
}

export interface AgentBuildOptions {
  tools: readonly SuiteTool[];
  models: ModelNames;
  /** The latency scale tools and server run at; tool timeouts follow it. */
  latencyScale: number;
}

export interface BenchSuite<Task extends TaskLike = TaskLike> {
  /** `support-desk`, `held-out`. */
  id: string;
  /** What the printout calls it. */
  title: string;
  /** The frozen suite's fingerprint, printed with its figures. */
  fingerprint?: string;
  /** The agent's name in every framework (`gen_ai.agent.name`). */
  agentName: string;
  instructions: string;
  tasks: readonly Task[];
  createTools(latencyScale: number): readonly SuiteTool[];
  /** The tools keep state (writes that refuse a repeat): every task run gets a fresh set from `createTools`. */
  freshToolsPerTask?: boolean;
  /** The simulated model's domain knowledge (the server's default, the support desk, when absent). */
  playbook?: Playbook;
  check(task: Task, answer: string): boolean;
  /** Screens each user message with one call of this model, in every variant (the support desk's does). */
  guardrail?: { hotpath(model: string): Guardrail };
  /** The user-config agent's tool settings, by tool name: what each tool's description says. */
  userToolSettings: Readonly<Record<string, UserToolSettings>>;
  /** The agent and runner settings tuned on this suite (only the suite they were tuned on has them). */
  fitted?: {
    agent(options: AgentBuildOptions): Agent;
    optimizations: Record<string, unknown>;
  };
}

/**
 * The user-config agent of a suite: the suite's instructions and tools, each tool with the settings its description
 * calls for, and `cascade({ draft: small, answer: large })` (the one model when both are the same). No prefetch lists, tool groups, routing rules, result
 * views or history tuning.
 *
 * @example
 * const agent = userConfigAgent(supportDeskSuite, { tools, models: { small: 'sim-small', large: 'sim-large' }, latencyScale: 1 });
 */
export function userConfigAgent(suite: BenchSuite, options: AgentBuildOptions): Agent {
  return new Agent({
    name: suite.agentName,
    instructions: suite.instructions,
    // An endpoint serving one model for both roles has nothing to draft with: that model, as a user would write it.
    model: options.models.small === options.models.large ? options.models.large : cascade({ draft: options.models.small, answer: options.models.large }),
    tools: hotpathTools(options.tools, suite.userToolSettings, options.latencyScale),
    ...(suite.guardrail && { guardrails: [suite.guardrail.hotpath(options.models.small)] }),
  });
}

/**
 * The suite's tools as Hotpath tools with the given settings (a tool without settings gets none).
 *
 * @example
 * hotpathTools(tools, { get_order: { readOnly: true, cache: true } }, 1);
 */
export function hotpathTools(tools: readonly SuiteTool[], settings: Readonly<Record<string, UserToolSettings>>, latencyScale: number): Tool[] {
  if (!(latencyScale > 0) || !Number.isFinite(latencyScale)) throw new RangeError(`latencyScale must be a number > 0, got ${latencyScale}`);
  const unknown = Object.keys(settings).filter((name) => !tools.some((candidate) => candidate.name === name));
  if (unknown.length > 0) throw new TypeError(`Tool settings name tools the suite does not have: ${unknown.join(', ')}`);
  return tools.map((neutral) => {
    const own = settings[neutral.name] ?? {};
    return tool({
      name: neutral.name,
      description: neutral.description,
      parameters: neutral.parameters,
      execute: (args, context) => neutral.execute(args as never, { signal: context.signal }),
      ...(own.readOnly && { readOnly: true }),
      ...(own.cache && { cache: true }),
      ...(own.timeoutMs !== undefined && { timeoutMs: own.timeoutMs * latencyScale }),
      ...(own.fallback !== undefined && { fallback: own.fallback }),
    });
  });
}
