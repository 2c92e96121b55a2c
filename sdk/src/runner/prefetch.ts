// Speculative tool executions of one run, in one registry keyed by tool name + canonical arguments: calls started
// before the model asked for them. When the model asks for the same call it gets that execution instead of a new one,
// and its events are emitted then, with the execution's real start and end times; executions nobody claims are
// cancelled (at run end, or when the step they were started for is over) and still reported, so wasted work stays
// visible. Where they come from (`SpeculationSource`):
// - `prefetch`: the agent's declared calls, at run start;
// - `follow-up`: the agent's `prefetch.after`, the moment a triggering tool's result arrives, whether the model asked
//   for that call or it was itself speculative (chains: customer → latest order → shipment);
// - `learned`: the same, from follow-up patterns the runner's PrefetchLearner has seen hold (learned-prefetch.ts);
// - `eager`: a read-only call whose arguments are complete while its model response is still streaming. The
//   response that asked for it claims it as an eager call; if that response is discarded (a draft escalated to the
//   answer model, a cascade check failing), the call stays here as speculation from the discarded response
//   (reported as source `draft`) until the next response has asked for what it needs.
import { toolCallKey } from '../tools/canonical-json.ts';
import type { PrefetchCall } from '../agent/agent.ts';
import { runTool, type ToolOutcome } from './invoke-tool.ts';
import { now, type RunContext } from './run-context.ts';
import type { SpeculationSource, SpeculationSummary } from './run-events.ts';
import { toolCallEndEvent, withEndTime, type TimedOutcome } from './timed-outcome.ts';

/** Where an entry came from; an `eager` one is reported as `draft` speculation when another response claims it. */
type EntrySource = Exclude<SpeculationSource, 'draft'> | 'eager';

interface Entry {
  toolName: string;
  args: Record<string, unknown>;
  startTime: number;
  outcome: Promise<TimedOutcome>;
  controller: AbortController;
  claimed: boolean;
  source: EntrySource;
  /** For `eager` entries: the model response whose stream started it. */
  owner?: string;
  /** For follow-ups: the tool whose result started it. */
  trigger?: string;
  /** Learned follow-ups report back to the learner whether they were used. */
  onSettled?: (used: boolean) => void;
}

/** What a claim hands over. */
export interface ClaimedExecution {
  startTime: number;
  outcome: Promise<TimedOutcome>;
  /** Started from the claiming response's own stream (an eager call), not ahead of it. */
  eager: boolean;
  source: SpeculationSource;
  trigger?: string;
}

export interface LaunchOptions {
  source: EntrySource;
  owner?: string;
  trigger?: string;
  onSettled?: (used: boolean) => void;
}

/**
 * The reason an unclaimed call's signal aborts with: one shared AbortError, since building a DOMException (its stack)
 * for every wasted speculation shows in the per-turn overhead.
 */
const UNUSED = new DOMException('The speculative call was not used: the model did not ask for it.', 'AbortError');

const reportedSource = (entry: Entry): SpeculationSource => (entry.source === 'eager' ? 'draft' : entry.source);

/** The speculative executions of one run. */
export class PrefetchRegistry {
  readonly #entries = new Map<string, Entry>();
  #settled = false;
  #reported = 0;
  readonly #summary: SpeculationSummary = { started: 0, used: 0, wasted: 0, bySource: {} };
  #onRunAbort: (() => void) | undefined;

  /**
   * At run start: the agent's declared calls (`prefetch`) and the calls learned patterns expect from this input
   * (`learnedPrefetch`). Invalid arguments are skipped: the model would be told when it asks.
   */
  start(run: RunContext): void {
    if (run.settings.prefetch) for (const call of run.agent.prefetchFor(run.input)) this.launch(run, call, { source: 'prefetch' });
    if (run.settings.learnedPrefetch) {
      for (const suggestion of run.config.learner.suggestAtStart(run.agent.name, run.input)) {
        this.launch(run, suggestion.call, { source: 'learned', trigger: 'input', onSettled: suggestion.settled });
      }
    }
  }

  /**
   * Starts what `toolName`'s result leads to: the agent's declared follow-ups (the `followUpPrefetch` switch) and the
   * learned ones (`learnedPrefetch`). A follow-up is speculation: an invalid one, or one whose declaration throws, is
   * skipped and never fails the run.
   */
  followUp(run: RunContext, toolName: string, args: Record<string, unknown>, outcome: ToolOutcome): void {
    if (this.#settled || outcome.isError || outcome.fallbackUsed) return;
    const { followUpPrefetch, learnedPrefetch } = run.settings;
    if (!followUpPrefetch && !learnedPrefetch) return;
    const value = resultValue(outcome);
    if (followUpPrefetch && run.agent.hasFollowUps) {
      let calls: PrefetchCall[] = [];
      try {
        calls = run.agent.followUpsFor(toolName, value, args);
      } catch {
        // a declaration that throws is skipped, like an invalid call
      }
      for (const call of calls) this.launch(run, call, { source: 'follow-up', trigger: toolName });
    }
    if (learnedPrefetch) {
      for (const suggestion of run.config.learner.suggest(run.agent.name, toolName, args, value)) {
        const tool = run.tools.get(suggestion.call.tool);
        if (!tool?.readOnly) continue;
        this.launch(run, suggestion.call, { source: 'learned', trigger: toolName, onSettled: suggestion.settled });
      }
    }
  }

  /**
   * Starts `call` (a read-only tool with valid arguments) unless the same call is already here. Returns whether it
   * started.
   */
  launch(run: RunContext, call: PrefetchCall, options: LaunchOptions): boolean {
    if (this.#settled) return false;
    const tool = run.tools.get(call.tool);
    if (!tool?.readOnly) return false;
    // The same call already here (a declared or learned call the stream asks for again): no need to validate it.
    if (this.#entries.has(toolCallKey(call.tool, call.arguments))) return false;
    const parsed = tool.validateArguments(call.arguments);
    if (!parsed.ok) return false;
    const args = parsed.value;
    const key = toolCallKey(call.tool, args);
    if (this.#entries.has(key)) return false;
    const controller = new AbortController();
    if (run.signal.aborted) controller.abort(run.signal.reason);
    else this.#followRunSignal(run);
    const startTime = now();
    const running = runTool(run, tool, args, `${options.source}:${call.tool}`, controller.signal);
    // A speculative result can lead to follow-ups of its own (customer → latest order → shipment).
    void running.then((outcome) => this.followUp(run, call.tool, args, outcome));
    this.#entries.set(key, {
      toolName: call.tool,
      args,
      startTime,
      outcome: withEndTime(running),
      controller,
      claimed: false,
      source: options.source,
      ...(options.owner !== undefined && { owner: options.owner }),
      ...(options.trigger !== undefined && { trigger: options.trigger }),
      ...(options.onSettled && { onSettled: options.onSettled }),
    });
    return true;
  }

  /**
   * Hands over the execution of `toolName(args)` if one was started and not yet claimed. `owner` is the claiming
   * response: its own eager calls are handed back as eager; anything else is a speculative execution put to use.
   */
  claim(toolName: string, args: unknown, owner?: string): ClaimedExecution | undefined {
    const entry = this.#entries.get(toolCallKey(toolName, args));
    if (!entry || entry.claimed) return undefined;
    entry.claimed = true;
    const eager = entry.source === 'eager' && entry.owner === owner;
    if (!eager) this.#count(reportedSource(entry), 'used');
    entry.onSettled?.(true);
    return {
      startTime: entry.startTime,
      outcome: entry.outcome,
      eager,
      source: reportedSource(entry),
      ...(entry.trigger !== undefined && { trigger: entry.trigger }),
    };
  }

  /**
   * Cancels and reports the unclaimed eager calls of a response (`owner`): when its step is over, or at once when the
   * response is discarded and speculation from it is off.
   */
  async release(run: RunContext, owner: string): Promise<void> {
    await this.#cancel(run, (entry) => entry.owner === owner);
  }

  /** Cancels what nobody claimed and reports it (tool-call events with a `prefetch:` id). */
  async settle(run: RunContext): Promise<void> {
    this.#settled = true;
    if (this.#onRunAbort) run.signal.removeEventListener('abort', this.#onRunAbort);
    await this.#cancel(run, () => true);
  }

  /** Speculative executions of the run so far: started, put to use, cancelled unused (eager calls of kept responses are not speculation). */
  summary(): SpeculationSummary {
    const { started, used, wasted, bySource } = this.#summary;
    return { started, used, wasted, bySource: Object.fromEntries(Object.entries(bySource).map(([source, counts]) => [source, { ...counts }])) };
  }

  /**
   * Each speculation has its own controller (cancelled alone when unclaimed); the run's signal reaches them all through
   * one listener, added at the first speculation and removed when the run settles. Cheaper than an AbortSignal.any per
   * speculation (a weak reference each, visible in the per-turn overhead), and nothing stays behind on a caller's
   * signal that outlives the run (one signal passed to every run of a server).
   */
  #followRunSignal(run: RunContext): void {
    if (this.#onRunAbort) return;
    this.#onRunAbort = () => {
      for (const entry of this.#entries.values()) entry.controller.abort(run.signal.reason);
    };
    run.signal.addEventListener('abort', this.#onRunAbort, { once: true });
  }

  async #cancel(run: RunContext, which: (entry: Entry) => boolean): Promise<void> {
    const unclaimed: Entry[] = [];
    for (const [key, entry] of this.#entries) {
      if (entry.claimed || !which(entry)) continue;
      // Claimed entries stay, so an identical later call is not speculated again; cancelled ones go.
      this.#entries.delete(key);
      unclaimed.push(entry);
    }
    for (const entry of unclaimed) {
      entry.controller.abort(UNUSED);
      this.#count(reportedSource(entry), 'wasted');
      entry.onSettled?.(false);
    }
    for (const entry of unclaimed) {
      const timed = await entry.outcome;
      const callId = run.nextCallId('tool');
      const toolCall = { id: `prefetch:${this.#reported++}`, name: entry.toolName, arguments: JSON.stringify(entry.args) };
      const tool = run.tools.get(entry.toolName);
      run.emit({
        type: 'tool-call-start',
        time: entry.startTime,
        callId,
        step: run.steps.length,
        toolCall,
        ...(tool?.description ? { toolDescription: tool.description } : {}),
        eager: false,
        prefetched: true,
        speculation: { source: reportedSource(entry), used: false },
        ...(entry.trigger && { prefetchTrigger: entry.trigger }),
      });
      run.emit(toolCallEndEvent(callId, toolCall, timed));
    }
  }

  #count(source: SpeculationSource, outcome: 'used' | 'wasted'): void {
    const summary = this.#summary;
    const bucket = (summary.bySource[source] ??= { started: 0, used: 0, wasted: 0 });
    summary.started += 1;
    bucket.started += 1;
    summary[outcome] += 1;
    bucket[outcome] += 1;
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
