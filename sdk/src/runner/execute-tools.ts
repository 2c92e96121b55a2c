// Phase "execute tools": the tool calls of one model response. With `parallelTools` on they run at once (at most
// `maxConcurrency` at a time), otherwise one after another; calls already started — eagerly while the model
// streamed, or speculatively before it asked — are joined, not repeated. Results come back in the order the model
// asked for them, whatever order they finish in.
import type { ToolCall } from '../messages.ts';
import { executeToolCall } from './execute-tool-call.ts';
import type { RunContext, ToolCallRecord } from './run-context.ts';

/**
 * Runs the tool calls of a step; `owner` names the response that asked for them, whose eager starts it claims.
 *
 * @example
 * const records = await executeTools(run, 0, response.toolCalls, signal, response.callId);
 */
export async function executeTools(
  run: RunContext,
  step: number,
  toolCalls: ToolCall[],
  signal: AbortSignal,
  owner?: string,
): Promise<ToolCallRecord[]> {
  const execute = (toolCall: ToolCall) => executeToolCall(run, toolCall, step, { signal, ...(owner !== undefined && { owner }) });
  const parallel = run.settings.parallelTools;
  if (!parallel) {
    const records: ToolCallRecord[] = [];
    for (const toolCall of toolCalls) records.push(await execute(toolCall));
    return records;
  }
  return mapWithConcurrency(toolCalls, parallel.maxConcurrency, execute);
}

/** Maps `items` through `work` with at most `limit` running at once; results keep the order of `items`. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
