// Tool selection: offer the model only the tools a run needs. The agent's tool groups are matched once, at run start,
// so every request of the run starts with the same bytes (provider prefix caches keep hitting); a tool the model calls
// anyway joins the offer for the rest of the run, so nothing it has used disappears from under it.
import type { Agent } from '../agent/agent.ts';
import { AgentDefinitionError } from '../agent/agent.ts';
import type { Message, ToolCall } from '../messages.ts';
import type { Tool } from '../tools/tool.ts';
import { toolSpecs } from './build-request.ts';
import type { RunContext } from './run-context.ts';

/**
 * The tools a run offers: with selection on and groups declared, the tools in no group plus those of every group
 * whose `when` holds; otherwise every tool. Order follows `tools`.
 *
 * @example
 * selectTools(agent, tools, { input: 'Where is order O-5002?', history: [] }, true).map((t) => t.name) // ['get_customer', 'get_order', …]
 */
export function selectTools(
  agent: Agent,
  tools: ReadonlyMap<string, Tool>,
  context: { input: string; history: readonly Message[] },
  enabled: boolean,
): Tool[] {
  const all = [...tools.values()];
  if (!enabled || agent.toolGroups.length === 0) return all;
  const grouped = new Set(agent.toolGroups.flatMap((group) => group.tools));
  const offered = new Set([...tools.keys()].filter((name) => !grouped.has(name)));
  for (const group of agent.toolGroups) {
    if (matches(agent, group.name, () => group.when(context))) for (const name of group.tools) offered.add(name);
  }
  return all.filter((candidate) => offered.has(candidate.name));
}

function matches(agent: Agent, group: string, when: () => boolean): boolean {
  let matched: unknown;
  try {
    matched = when();
  } catch (error) {
    throw new AgentDefinitionError(`Agent "${agent.name}": tool group "${group}": when threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof matched !== 'boolean') throw new AgentDefinitionError(`Agent "${agent.name}": tool group "${group}": when must return a boolean, got ${typeof matched}.`);
  return matched;
}

/**
 * Keeps every tool the model called in the offer for the run's next steps: a call to an agent tool that was not
 * offered (a model remembering an earlier turn) runs like any other, and its schema joins the requests after it.
 *
 * @example
 * offerCalledTools(run, response.toolCalls) // run.toolSpecs now includes any agent tool the response called
 */
export function offerCalledTools(run: RunContext, toolCalls: readonly ToolCall[]): void {
  const offered = new Set(run.toolSpecs.map((spec) => spec.name));
  const added = toolCalls.filter((call) => run.tools.has(call.name) && !offered.has(call.name));
  if (added.length === 0) return;
  for (const call of added) offered.add(call.name);
  run.toolSpecs = toolSpecs([...run.tools.values()].filter((candidate) => offered.has(candidate.name)), run.settings.promptCacheLayout);
}
