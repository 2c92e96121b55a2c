// The request layout. With `promptCacheLayout` on, every request of an agent starts with the same bytes: the stable
// instructions, then the tool schemas sorted by name; per-run context travels with the run's input, and the history
// is only ever appended to, so a provider's prefix cache serves everything but the newest messages. Off, the
// per-run context sits in the system message and tools keep their declared order, as a naive loop would do it.
import type { Agent } from '../agent/agent.ts';
import type { Message, UserMessage } from '../messages.ts';
import type { ModelRequest, ToolSpec } from '../provider/model-provider.ts';
import { toolSpec, type Tool } from '../tools/tool.ts';
import type { RunContext } from './run-context.ts';

/** The system message of a run. */
export function systemMessage(agent: Agent, context: string | undefined, cacheLayout: boolean): Message {
  const content = !cacheLayout && context ? `${agent.instructions}\n\n${context}` : agent.instructions;
  return { role: 'system', content };
}

/** The user message that opens a run. */
export function inputMessage(input: string, context: string | undefined, cacheLayout: boolean): UserMessage {
  return { role: 'user', content: cacheLayout && context ? `<context>\n${context}\n</context>\n\n${input}` : input };
}

/** The tool schemas in request order. */
export function toolSpecs(tools: Iterable<Tool>, cacheLayout: boolean): ToolSpec[] {
  const specs = [...tools].map(toolSpec);
  return cacheLayout ? specs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : specs;
}

/**
 * The request for one agent step.
 *
 * @example
 * buildRequest(run, 'sim-large', { toolChoice: 'none', extra: [{ role: 'user', content: 'Answer now.' }] })
 */
export function buildRequest(
  run: RunContext,
  model: string,
  options: { toolChoice?: ModelRequest['toolChoice']; extra?: Message[] } = {},
): ModelRequest {
  const settings = run.agent.modelSettings;
  const perCallCap = run.settings.budgets ? run.config.budgets.maxOutputTokensPerCall : undefined;
  const maxOutputTokens = minDefined(settings.maxOutputTokens, perCallCap);
  const toolChoice = options.toolChoice ?? settings.toolChoice;
  const tools = run.toolSpecs;
  return {
    model,
    messages: [run.system, ...run.messages, ...(options.extra ?? [])],
    tools,
    ...(settings.parallelToolCalls === undefined || tools.length === 0 ? {} : { parallelToolCalls: settings.parallelToolCalls }),
    ...(toolChoice === undefined || tools.length === 0 ? {} : { toolChoice }),
    ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
    ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
    stream: run.settings.streaming,
  };
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
