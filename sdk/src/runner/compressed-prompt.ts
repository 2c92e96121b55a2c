// The `promptCompression` switch: each agent's prompt compressed losslessly once (agent/prompt-report.ts), kept
// beside the agent for as long as the agent lives, so a run pays a map lookup for it.
import type { Agent } from '../agent/agent.ts';
import { compressAgent, promptReport } from '../agent/prompt-report.ts';

const cache = new WeakMap<Agent, { agent: Agent; tokensSaved: number }>();

/** The agent as the model is shown it with lossless compression, and the tokens that saves on every request. */
export function compressedPrompt(agent: Agent): { agent: Agent; tokensSaved: number } {
  let entry = cache.get(agent);
  if (!entry) {
    const report = promptReport(agent, 'lossless');
    // Nothing to gain: keep the agent itself, so its tools stay the very objects the caller made.
    entry = report.compressedTokens < report.tokens ? { agent: compressAgent(agent, 'lossless'), tokensSaved: report.tokens - report.compressedTokens } : { agent, tokensSaved: 0 };
    cache.set(agent, entry);
  }
  return entry;
}
