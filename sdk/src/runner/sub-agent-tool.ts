// Sub-agents as tools: each sub-agent of an agent becomes a tool `{ input }` whose execution is a nested run of that
// agent (its events carry the parent run and tool call ids, so its spans nest under the tool's span). Several
// sub-agent calls in one response fan out in parallel like any other tools and their answers are joined in order.
import { z } from 'zod';
import type { Agent } from '../agent/agent.ts';
import { tool, type Tool, type ToolContext } from '../tools/tool.ts';

/** Runs `agent` on `input` as a child of the calling tool; returns the child's final output. */
export type NestedRun = (agent: Agent, input: string, parent: ToolContext) => Promise<string>;

const parameters = z.object({
  input: z.string().describe('The task for this agent, with every fact it needs (it does not see this conversation).'),
});

/**
 * The tool that hands work to a sub-agent.
 *
 * @example
 * const researcher = subAgentTool(researchAgent, (agent, input, parent) => runner.runNested(agent, input, parent));
 */
export function subAgentTool(agent: Agent, runNested: NestedRun): Tool {
  return tool({
    name: agent.name,
    description: agent.description ?? `Hand a task to the "${agent.name}" agent and get its answer.`,
    parameters,
    execute: ({ input }, context) => runNested(agent, input, context),
  });
}
