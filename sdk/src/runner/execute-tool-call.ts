// One tool call the model asked for, from its raw JSON to the tool message the model will see. Bad input from the
// model (unknown tool, malformed JSON, arguments failing the schema) becomes a tool-error result, as does anything
// the tool itself does wrong (see invoke-tool.ts). Emits `tool-call-start` and `tool-call-end`.
import type { ToolCall } from '../messages.ts';
import type { Tool } from '../tools/tool.ts';
import { ToolCallError } from '../tools/tool-errors.ts';
import { errorInfo, runTool, type ToolOutcome } from './invoke-tool.ts';
import { now, type RunContext, type ToolCallRecord } from './run-context.ts';
import { toolCallEndEvent, withEndTime, type TimedOutcome } from './timed-outcome.ts';

/**
 * Executes one tool call and records it.
 *
 * @example
 * const record = await executeToolCall(run, { id: 'call_1', name: 'get_order', arguments: '{"orderId":"A1"}' }, 0, { eager: false, signal });
 */
export async function executeToolCall(
  run: RunContext,
  toolCall: ToolCall,
  step: number,
  options: { signal: AbortSignal; owner?: string },
): Promise<ToolCallRecord> {
  const tool = run.tools.get(toolCall.name);
  const parsed = tool ? parseArguments(tool, toolCall) : { ok: false as const, error: unknownTool(run, toolCall.name) };
  // The registry holds what was started ahead of this call: this response's own eager start, or speculation.
  const claimed = parsed.ok ? run.prefetch.claim(toolCall.name, parsed.args, options.owner) : undefined;
  const eager = claimed?.eager === true;
  const prefetched = claimed !== undefined && !eager;
  if (parsed.ok) run.learning?.call(toolCall.name, parsed.args);
  const callId = run.nextCallId('tool');
  run.emit({
    type: 'tool-call-start',
    time: claimed?.startTime ?? now(),
    callId,
    step,
    toolCall,
    ...(tool?.description ? { toolDescription: tool.description } : {}),
    eager,
    prefetched,
    ...(prefetched && { speculation: { source: claimed.source, used: true } }),
    ...(prefetched && claimed.trigger && { prefetchTrigger: claimed.trigger }),
  });
  let timed: TimedOutcome;
  if (!parsed.ok) timed = { outcome: failed(parsed.error), endTime: now() };
  else if (claimed) timed = await claimed.outcome;
  else {
    timed = await withEndTime(runTool(run, tool!, parsed.args, toolCall.id, options.signal));
    // A claimed execution started its follow-ups when its result arrived; this one starts them now.
    run.prefetch.followUp(run, toolCall.name, parsed.args, timed.outcome);
  }
  const { outcome } = timed;
  if (parsed.ok && !outcome.isError && !outcome.fallbackUsed) run.learning?.result(toolCall.name, parsed.args, outcome.value ?? outcome.content);
  run.emit(toolCallEndEvent(callId, toolCall, timed));
  return {
    toolCall,
    result: outcome.content,
    isError: outcome.isError,
    cache: outcome.cache,
    eager,
    prefetched,
    timedOut: outcome.timedOut,
    fallbackUsed: outcome.fallbackUsed,
    worker: outcome.worker,
  };
}

type Parsed = { ok: true; args: Record<string, unknown> } | { ok: false; error: ToolCallError };

/** Parses and validates the model's arguments (empty text counts as `{}`, as some models send for no arguments). */
export function parseArguments(tool: Tool, toolCall: ToolCall): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(toolCall.arguments.trim() === '' ? '{}' : toolCall.arguments);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return {
      ok: false,
      error: new ToolCallError('invalid_json', tool.name, `The arguments for tool "${tool.name}" are not valid JSON (${reason}). Send one JSON object matching the tool's schema.`, { cause }),
    };
  }
  const checked = tool.validateArguments(json);
  if (checked.ok) return { ok: true, args: checked.value };
  return {
    ok: false,
    error: new ToolCallError('invalid_arguments', tool.name, `The arguments for tool "${tool.name}" do not match its schema:\n${checked.message}`, { cause: checked.cause }),
  };
}

function unknownTool(run: RunContext, name: string): ToolCallError {
  const available = [...run.tools.keys()].join(', ') || 'none';
  return new ToolCallError('unknown_tool', name, `There is no tool named "${name}". Available tools: ${available}.`);
}

function failed(error: ToolCallError): ToolOutcome {
  return { content: error.message, isError: true, cache: 'off', timedOut: false, fallbackUsed: false, worker: false, error: errorInfo(error) };
}
