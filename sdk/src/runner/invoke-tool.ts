// Runs one tool with validated arguments and turns every way it can end into data: a result, a timeout (with the
// tool's fallback when it has one), a failure, an unserialisable value. Nothing here throws into the run. The cache
// (with in-flight sharing) and the worker pool are applied here, so prefetch, eager and normal calls share them.
import { estimateTextTokens } from '../history/estimate-tokens.ts';
import { modelViewOf } from '../tools/result-view.ts';
import { serializeToolResult } from '../tools/serialize-tool-result.ts';
import type { ToolCacheLookup } from '../tools/tool-cache.ts';
import type { Tool } from '../tools/tool.ts';
import { ToolCallError, type ToolCallFailureKind } from '../tools/tool-errors.ts';
import { untilAborted } from '../tools/until-aborted.ts';
import { runModuleInline } from '../tools/worker-pool.ts';
import type { RunContext } from './run-context.ts';
import type { ToolCacheOutcome } from './run-events.ts';

/** How a tool call ended, as the model and the spans will see it. */
export interface ToolOutcome {
  content: string;
  isError: boolean;
  cache: ToolCacheOutcome;
  timedOut: boolean;
  fallbackUsed: boolean;
  worker: boolean;
  /** On cache hits and shared calls: the duration of the execution whose result was reused. */
  savedMs?: number;
  /** What the tool returned, before any view (for follow-up prefetch); absent on failures and fallbacks. */
  value?: unknown;
  /** With `toolResultViews` on: estimated tokens of the raw result minus those of what the model sees. */
  resultTokensSaved?: number;
  error?: { type: string; message: string };
}

/** Runs `tool(args)` through the cache when the tool opted in and the `toolCache` switch is on. */
export async function runTool(run: RunContext, tool: Tool, args: unknown, toolCallId: string, signal: AbortSignal): Promise<ToolOutcome> {
  if (!run.settings.toolCache || !tool.cache) return invokeTool(run, tool, args, toolCallId, signal);
  let lookup: ToolCacheLookup<ToolOutcome>;
  try {
    lookup = await run.config.toolCache.lookup(
      tool.name,
      args,
      tool.cache === true ? {} : tool.cache,
      () => invokeTool(run, tool, args, toolCallId, signal),
      (outcome) => !outcome.isError && !outcome.timedOut && !outcome.fallbackUsed,
      signal,
    );
  } catch (thrown) {
    // Only this caller's cancellation while it waits for another run's execution gets here: an execution of its
    // own turns every failure into an outcome.
    const failure = cancelled(tool, thrown);
    return { content: failure.message, isError: true, cache: 'miss', timedOut: false, fallbackUsed: false, worker: false, error: errorInfo(failure) };
  }
  if (lookup.outcome === 'miss') return { ...lookup.value, cache: 'miss' };
  // The shared execution belonged to a run that was cancelled; this caller was not, so it runs the tool itself.
  if (lookup.value.error?.type === 'aborted' && !signal.aborted) {
    return { ...(await invokeTool(run, tool, args, toolCallId, signal)), cache: 'miss' };
  }
  return { ...lookup.value, cache: lookup.outcome, worker: false, savedMs: lookup.savedMs };
}

/** Runs the tool once: timeout, worker pool, serialisation and fallback applied. */
export async function invokeTool(run: RunContext, tool: Tool, args: unknown, toolCallId: string, signal: AbortSignal): Promise<ToolOutcome> {
  const timeouts = run.settings.toolTimeouts;
  const timeoutMs = timeouts ? (tool.timeoutMs ?? timeouts.defaultTimeoutMs) : undefined;
  // Without a timeout the caller's signal is the call's: no controller and no AbortSignal.any (a weak reference each)
  // on the path of every tool call.
  const timeout = timeoutMs === undefined ? undefined : new AbortController();
  const timer = timeout && setTimeout(() => timeout.abort(timeoutError(tool, timeoutMs!)), timeoutMs);
  const callSignal = timeout ? AbortSignal.any([signal, timeout.signal]) : signal;
  const onWorker = tool.worker !== undefined && run.settings.workerTools !== false;
  const base = { cache: 'off' as const, timedOut: false, fallbackUsed: false, worker: onWorker };
  try {
    const value = await untilAborted(callSignal, () => {
      if (tool.worker === undefined) return tool.execute!(args as never, { signal: callSignal, runId: run.runId, toolCallId });
      return onWorker ? run.config.workerPool.run(tool.worker, args, callSignal) : runModuleInline(tool.worker, args);
    });
    return { ...base, ...modelContent(run, tool, value), value, isError: false };
  } catch (thrown) {
    const failure = classify(tool, thrown, timeout?.signal, signal);
    const outcome = { ...base, timedOut: failure.kind === 'timeout', error: errorInfo(failure) };
    if (failure.kind !== 'aborted' && timeouts && 'fallback' in tool && tool.fallback !== undefined) {
      try {
        const fallback = typeof tool.fallback === 'function' ? (tool.fallback as (error: Error) => unknown)(failure) : tool.fallback;
        return { ...outcome, content: serializeToolResult(tool.name, fallback), isError: false, fallbackUsed: true };
      } catch (fallbackError) {
        return { ...outcome, content: `${failure.message} Its fallback failed too: ${messageOf(fallbackError)}`, isError: true };
      }
    }
    return { ...outcome, content: failure.message, isError: true };
  } finally {
    clearTimeout(timer);
  }
}

/** The text the model sees: the raw result, or with `toolResultViews` on its view, with the tokens that saved. */
function modelContent(run: RunContext, tool: Tool, value: unknown): { content: string; resultTokensSaved?: number } {
  const raw = serializeToolResult(tool.name, value);
  if (!run.settings.toolResultViews) return { content: raw };
  const content = serializeToolResult(tool.name, modelViewOf(tool, value));
  return { content, resultTokensSaved: Math.max(0, estimateTextTokens(raw) - estimateTextTokens(content)) };
}

function classify(tool: Tool, thrown: unknown, timeoutSignal: AbortSignal | undefined, runSignal: AbortSignal): ToolCallError {
  if (timeoutSignal?.aborted) return timeoutSignal.reason as ToolCallError;
  if (runSignal.aborted) return cancelled(tool, thrown);
  if (thrown instanceof ToolCallError) return thrown;
  return new ToolCallError('execution_failed', tool.name, `Tool "${tool.name}" failed: ${messageOf(thrown)}`, { cause: thrown });
}

function cancelled(tool: Tool, cause: unknown): ToolCallError {
  return new ToolCallError('aborted', tool.name, `Tool "${tool.name}" was cancelled.`, { cause });
}

function timeoutError(tool: Tool, timeoutMs: number): ToolCallError {
  return new ToolCallError('timeout', tool.name, `Tool "${tool.name}" timed out after ${timeoutMs} ms and was cancelled.`);
}

/** The `error` of a tool-call-end event: `timeout`, the thrown error's class, or the failure kind. */
export function errorInfo(failure: ToolCallError): { type: string; message: string } {
  const kind: ToolCallFailureKind = failure.kind;
  if (kind === 'execution_failed' && failure.cause instanceof Error) return { type: failure.cause.name, message: failure.message };
  return { type: kind, message: failure.message };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
