// Prefetch: tool calls an agent declares are started at run start, so their I/O overlaps the first model call.
// When the model asks for the same call (tool name + canonical arguments) it gets the running or finished
// execution instead of a new one. Its events are emitted then, with the execution's real start and end times;
// executions nobody asked for are cancelled at run end and still reported, so wasted work stays visible.
// Follow-ups (the agent's `prefetch.after`) are started the same way the moment a triggering tool's result arrives,
// whether the model asked for that call or it was itself prefetched: speculation driven by results.
import { toolCallKey } from '../tools/canonical-json.ts';
import { toolCallEndEvent, withEndTime, type TimedOutcome } from './timed-outcome.ts';
import type { PrefetchCall } from '../agent/agent.ts';
import { runTool, type ToolOutcome } from './invoke-tool.ts';
import { now, type RunContext } from './run-context.ts';

interface Prefetched {
  toolName: string;
  args: Record<string, unknown>;
  startTime: number;
  outcome: Promise<TimedOutcome>;
  controller: AbortController;
  claimed: boolean;
  /** For a follow-up: the tool whose result started it. */
  trigger?: string;
}

/** The prefetched executions of one run. */
export class PrefetchRegistry {
  readonly #entries = new Map<string, Prefetched>();
  #settled = false;

  /** Starts the agent's declared calls (invalid arguments are skipped: the model would be told when it asks). */
  start(run: RunContext): void {
    for (const call of run.agent.prefetchFor(run.input)) this.#launch(run, call, undefined);
  }

  /**
   * Starts the follow-ups the agent declares for `toolName`'s result (the `followUpPrefetch` switch). A follow-up
   * is speculation: an invalid one, or one whose declaration throws, is skipped and never fails the run.
   */
  followUp(run: RunContext, toolName: string, args: Record<string, unknown>, outcome: ToolOutcome): void {
    if (!run.settings.followUpPrefetch || this.#settled || outcome.isError || outcome.fallbackUsed) return;
    let calls: PrefetchCall[];
    try {
      calls = run.agent.followUpsFor(toolName, resultValue(outcome), args);
    } catch {
      return;
    }
    for (const call of calls) this.#launch(run, call, toolName);
  }

  #launch(run: RunContext, call: PrefetchCall, trigger: string | undefined): void {
    const tool = run.tools.get(call.tool);
    const parsed = tool?.validateArguments(call.arguments);
    if (!tool || !parsed?.ok) return;
    const args = parsed.value;
    const key = toolCallKey(call.tool, args);
    if (this.#entries.has(key)) return;
    const controller = new AbortController();
    const signal = AbortSignal.any([run.signal, controller.signal]);
    const startTime = now();
    const running = runTool(run, tool, args, `prefetch:${call.tool}`, signal);
    // A prefetched result can trigger follow-ups of its own (customer → latest order → shipment).
    void running.then((outcome) => this.followUp(run, call.tool, args, outcome));
    const outcome = withEndTime(running);
    this.#entries.set(key, { toolName: call.tool, args, startTime, outcome, controller, claimed: false, ...(trigger && { trigger }) });
  }

  /** Hands over the execution of `toolName(args)` if one was prefetched and not yet claimed. */
  claim(toolName: string, args: unknown): { startTime: number; outcome: Promise<TimedOutcome>; trigger?: string } | undefined {
    const entry = this.#entries.get(toolCallKey(toolName, args));
    if (!entry || entry.claimed) return undefined;
    entry.claimed = true;
    return entry;
  }

  /** Cancels what nobody claimed and reports it (tool-call events with a `prefetch:` id). */
  async settle(run: RunContext): Promise<void> {
    this.#settled = true;
    const unclaimed = [...this.#entries.values()].filter((entry) => !entry.claimed);
    this.#entries.clear();
    for (const entry of unclaimed) entry.controller.abort();
    let index = 0;
    for (const entry of unclaimed) {
      const timed = await entry.outcome;
      const callId = run.nextCallId('tool');
      const toolCall = { id: `prefetch:${index++}`, name: entry.toolName, arguments: JSON.stringify(entry.args) };
      const tool = run.tools.get(entry.toolName);
      run.emit({
        type: 'tool-call-start',
        time: entry.startTime,
        callId,
        step: 0,
        toolCall,
        ...(tool?.description ? { toolDescription: tool.description } : {}),
        eager: false,
        prefetched: true,
        ...(entry.trigger && { prefetchTrigger: entry.trigger }),
      });
      run.emit(toolCallEndEvent(callId, toolCall, timed));
    }
  }
}

/** What the tool returned: its value, or the model-facing text parsed back from JSON (a cache hit's only record). */
function resultValue(outcome: ToolOutcome): unknown {
  if (outcome.value !== undefined && typeof outcome.value !== 'string') return outcome.value;
  const text = typeof outcome.value === 'string' ? outcome.value : outcome.content;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
