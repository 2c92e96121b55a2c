// Learned follow-up prefetch: the runner watches which tool calls follow which results — an argument value of call B
// that appears in the result (or the arguments) of an earlier call A, e.g. `get_shipment({ shipmentId })` after
// `get_order` returned that shipmentId — and once such a pattern has held `minSupport` times, starts B speculatively
// the moment a result of A arrives (read-only tools only; the model still decides, and gets the running execution only
// when it asks for the identical call). The run's input is a source too: an id-like argument value (letters and digits,
// `C-1001`, `TP-30417`) found verbatim in the user's message teaches a pattern by the value's shape (`A-9999`), and a
// later input holding a token of that shape starts the call at run start, beside the first model call. Patterns
// whose speculations go unused too often stop being speculated. Memory
// is bounded: at most `maxPatterns` patterns (least recently confirmed dropped first), and per run only the last
// RECENT_RESULTS results are remembered, each by at most MAX_LEAVES values. A plan (`plan()`, or `hotpath learn` from
// a collector's traces) seeds a learner in another process.
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { PrefetchCall } from '../agent/agent.ts';
import type { Message } from '../messages.ts';
import { canonicalJson, toolCallKey } from '../tools/canonical-json.ts';
import { RunInputError } from './run-errors.ts';

/**
 * Where an argument of the follow-up call comes from: a path into A's `result` or `args`, a fixed value, or (for the
 * `$input` trigger) the tokens of the run's input that have this shape (`A-9999`: a capital, a dash, four digits).
 */
export type ArgumentSource = { from: (string | number)[] } | { value: string | number | boolean | null } | { input: string };

/** The trigger of patterns whose source is the run's input (started at run start). */
export const INPUT_TRIGGER = '$input';

/** One learned pattern: after a result of `trigger`, call `tool` with these arguments. */
export interface LearnedPattern {
  agent: string;
  trigger: string;
  tool: string;
  arguments: Record<string, ArgumentSource>;
  /** Times the model made this call after such a result. */
  support: number;
  /** Speculations of this pattern the model did not use. */
  wasted: number;
}

/** The JSON a learner exports and loads (`hotpath learn` writes one). */
export interface PrefetchPlanFile {
  version: 1;
  patterns: LearnedPattern[];
}

export interface PrefetchLearnerOptions {
  /** A pattern is speculated once it has held this many times (default 2). */
  minSupport?: number;
  /** ...and while at least this share of its speculations were used: support ÷ (support + wasted) (default 0.5). */
  minPrecision?: number;
  /** Patterns kept, least recently confirmed dropped first (default 500). */
  maxPatterns?: number;
  /** Patterns to start from: a plan from `learner.plan()` or `hotpath learn` (parsed JSON). */
  plan?: PrefetchPlanFile;
}

/** A follow-up the learner suggests, with the callback that tells it whether the model used it. */
export interface LearnedSuggestion {
  call: PrefetchCall;
  settled(used: boolean): void;
}

/** Results a run's calls can draw on: the last few, each indexed by the values it holds. */
const RECENT_RESULTS = 8;
/** Values indexed per result (a larger result is indexed partly: its first values, breadth-first by document order). */
const MAX_LEAVES = 256;
const MAX_DEPTH = 6;
/** A value worth matching: long enough not to match by accident (`"ok"`, `1`), short enough to be an id or a key. */
const MIN_STRING = 3;
const MAX_STRING = 200;
/** Follow-up sources considered per call: the results that supply the most of its arguments, at most this many. */
const MAX_SOURCES = 4;

interface Observed {
  tool: string;
  key: string;
  /** value (valueKey) → the shortest path holding it. */
  values: Map<string, (string | number)[]>;
}

/** A matchable value as a map key: strings and numbers apart, without serialising (this runs for every result). */
const valueKey = (value: string | number): string => (typeof value === 'string' ? `s${value}` : `n${value}`);

interface PatternState extends LearnedPattern {
  key: string;
}

/** What one run has seen, for matching its calls against earlier results. */
export interface LearningSession {
  /** A tool result the model saw (from its own call). */
  result(tool: string, args: Record<string, unknown>, value: unknown): void;
  /** A call the model asked for: confirms every pattern it fits. */
  call(tool: string, args: Record<string, unknown>): void;
}

/** At most this many calls of one input pattern start per run (an input naming many ids starts the first few). */
const MAX_INPUT_CALLS = 3;
/** An id-like token: letters, digits and inner `-` `_` `.`, with at least one digit. */
const ID_TOKEN = /(?<![A-Za-z0-9])[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?![A-Za-z0-9])/g;

const argumentSource = z.union([
  z.object({ from: z.array(z.union([z.string(), z.number().int().nonnegative()])).min(2) }).strict(),
  z.object({ value: z.union([z.string(), z.number(), z.boolean(), z.null()]) }).strict(),
  z.object({ input: z.string().regex(/^[Aa9._-]{3,200}$/) }).strict(),
]);
const planSchema = z.object({
  version: z.literal(1),
  patterns: z.array(
    z.object({
      agent: z.string(),
      trigger: z.string().min(1),
      tool: z.string().min(1),
      arguments: z.record(z.string(), argumentSource),
      support: z.number().int().nonnegative(),
      wasted: z.number().int().nonnegative(),
    }),
  ),
});

/**
 * Checks a parsed plan file, throwing a RunInputError that says what is wrong.
 *
 * @example
 * const plan = parsePrefetchPlan(JSON.parse(await readFile('prefetch-plan.json', 'utf8')));
 */
export function parsePrefetchPlan(value: unknown): PrefetchPlanFile {
  const parsed = planSchema.safeParse(value);
  if (!parsed.success) throw new RunInputError(`Not a prefetch plan (version 1):\n${z.prettifyError(parsed.error)}`);
  return parsed.data as PrefetchPlanFile;
}

/**
 * Learns follow-up patterns from the runs of a Runner (pass one to several runners to share it).
 *
 * @example
 * const learner = new PrefetchLearner({ plan: parsePrefetchPlan(JSON.parse(planJson)) });
 * const runner = new Runner({ provider, prefetchLearner: learner });
 * // … later: await writeFile('plan.json', JSON.stringify(learner.plan()));
 */
export class PrefetchLearner {
  readonly minSupport: number;
  readonly minPrecision: number;
  readonly #patterns: LRUCache<string, PatternState>;
  /** agent + trigger tool → keys of its patterns, kept in step with the LRU. */
  readonly #byTrigger = new Map<string, Set<string>>();

  constructor(options: PrefetchLearnerOptions = {}) {
    this.minSupport = positiveInteger(options.minSupport ?? 2, 'minSupport');
    const precision = options.minPrecision ?? 0.5;
    if (!(precision >= 0 && precision <= 1)) throw new RunInputError(`PrefetchLearner: minPrecision must be between 0 and 1, got ${precision}.`);
    this.minPrecision = precision;
    this.#patterns = new LRUCache({
      max: positiveInteger(options.maxPatterns ?? 500, 'maxPatterns'),
      dispose: (pattern, key) => {
        const keys = this.#byTrigger.get(triggerKey(pattern.agent, pattern.trigger));
        keys?.delete(key);
        if (keys?.size === 0) this.#byTrigger.delete(triggerKey(pattern.agent, pattern.trigger));
      },
    });
    for (const pattern of options.plan ? parsePrefetchPlan(options.plan).patterns : []) this.#remember({ ...pattern }, pattern.support, pattern.wasted);
  }

  /** Patterns held now. */
  get size(): number {
    return this.#patterns.size;
  }

  /** A session for one run of `agent` on `input`, seeded with the tool results already in its history. */
  session(agent: string, history: readonly Message[] = [], input = ''): LearningSession {
    const recent: Observed[] = [];
    const inputTokens = new Set(idTokens(input));
    const fromInput = new Set<string>();
    const result = (tool: string, args: Record<string, unknown>, value: unknown) => {
      const values = new Map<string, (string | number)[]>();
      index(['args'], args, values);
      index(['result'], value, values);
      recent.push({ tool, key: toolCallKey(tool, args), values });
      if (recent.length > RECENT_RESULTS) recent.shift();
    };
    seedFromHistory(history, result);
    return {
      result,
      call: (tool, args) => {
        const key = toolCallKey(tool, args);
        let best: { source: Observed; mapping: Record<string, ArgumentSource> }[] = [];
        let bestDerived = 0;
        for (let position = recent.length - 1; position >= 0; position--) {
          const source = recent[position]!;
          if (source.key === key) continue;
          const mapping = mapArguments(args, source.values);
          if (!mapping) continue;
          if (mapping.derived > bestDerived) {
            best = [];
            bestDerived = mapping.derived;
          }
          if (mapping.derived === bestDerived && best.length < MAX_SOURCES) best.push({ source, mapping: mapping.arguments });
        }
        const shaped = inputMapping(args, inputTokens);
        if (shaped) {
          const pattern = { agent, trigger: INPUT_TRIGGER, tool, arguments: shaped };
          // One confirmation per run: the same id asked for again is the same evidence.
          if (!fromInput.has(keyOf(pattern))) this.#remember(pattern, 1, 0);
          fromInput.add(keyOf(pattern));
        }
        const confirmed = new Set<string>();
        for (const { source, mapping } of best) {
          const pattern = { agent, trigger: source.tool, tool, arguments: mapping };
          const patternKey = keyOf(pattern);
          // Two results of the same tool supplying the call the same way are one confirmation, not two.
          if (confirmed.has(patternKey)) continue;
          confirmed.add(patternKey);
          this.#remember(pattern, 1, 0);
        }
      },
    };
  }

  /**
   * The follow-ups a result of `trigger` leads to: patterns that held at least `minSupport` times with enough of
   * their speculations used, whose argument paths exist in this result.
   */
  suggest(agent: string, trigger: string, args: Record<string, unknown>, value: unknown): LearnedSuggestion[] {
    const keys = this.#byTrigger.get(triggerKey(agent, trigger));
    if (!keys) return [];
    const suggestions: LearnedSuggestion[] = [];
    for (const key of keys) {
      const pattern = this.#patterns.peek(key);
      if (!pattern || !this.#active(pattern)) continue;
      const callArguments = buildArguments(pattern.arguments, { args, result: value });
      if (!callArguments) continue;
      suggestions.push({
        call: { tool: pattern.tool, arguments: callArguments },
        settled: (used) => {
          if (!used) pattern.wasted += 1;
        },
      });
    }
    return suggestions;
  }

  /** The calls the run's input leads to: input patterns that held, for each id-shaped token of the input. */
  suggestAtStart(agent: string, input: string): LearnedSuggestion[] {
    const keys = this.#byTrigger.get(triggerKey(agent, INPUT_TRIGGER));
    if (!keys) return [];
    const tokens = idTokens(input);
    const suggestions: LearnedSuggestion[] = [];
    for (const key of keys) {
      const pattern = this.#patterns.peek(key);
      if (!pattern || !this.#active(pattern)) continue;
      for (const callArguments of argumentsFromInput(pattern.arguments, tokens)) {
        suggestions.push({
          call: { tool: pattern.tool, arguments: callArguments },
          settled: (used) => {
            if (!used) pattern.wasted += 1;
          },
        });
      }
    }
    return suggestions;
  }

  /** The patterns as a plan another learner (another process) can start from. */
  plan(): PrefetchPlanFile {
    const patterns = [...this.#patterns.values()].map(({ key: _key, ...pattern }) => structuredClone(pattern));
    patterns.sort((a, b) => b.support - a.support || (keyOf(a) < keyOf(b) ? -1 : 1));
    return { version: 1, patterns };
  }

  #active(pattern: LearnedPattern): boolean {
    return pattern.support >= this.minSupport && pattern.support >= this.minPrecision * (pattern.support + pattern.wasted);
  }

  #remember(pattern: Omit<LearnedPattern, 'support' | 'wasted'>, support: number, wasted: number): void {
    const key = keyOf(pattern);
    const known = this.#patterns.get(key);
    if (known) {
      known.support += support;
      known.wasted += wasted;
      return;
    }
    this.#patterns.set(key, { ...pattern, support, wasted, key });
    const trigger = triggerKey(pattern.agent, pattern.trigger);
    let keys = this.#byTrigger.get(trigger);
    if (!keys) this.#byTrigger.set(trigger, (keys = new Set()));
    keys.add(key);
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RunInputError(`PrefetchLearner: ${name} must be a whole number ≥ 1, got ${value}.`);
  return value;
}

const triggerKey = (agent: string, trigger: string) => `${agent}\u0000${trigger}`;
const keyOf = (pattern: Pick<LearnedPattern, 'agent' | 'trigger' | 'tool' | 'arguments'>) =>
  `${triggerKey(pattern.agent, pattern.trigger)}\u0000${pattern.tool}\u0000${canonicalJson(pattern.arguments)}`;

function isMatchable(value: unknown): value is string | number {
  if (typeof value === 'string') return value.length >= MIN_STRING && value.length <= MAX_STRING;
  // Integers of three digits or more (ids, numbers): small numbers and amounts match by accident.
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 100;
}

/** Indexes the matchable values under `root`, breadth-first so the shortest path to a value wins. */
function index(root: (string | number)[], value: unknown, into: Map<string, (string | number)[]>): void {
  const queue: { path: (string | number)[]; value: unknown }[] = [{ path: root, value }];
  let leaves = 0;
  for (let head = 0; head < queue.length && leaves < MAX_LEAVES; head++) {
    const item = queue[head]!;
    if (isMatchable(item.value)) {
      leaves += 1;
      const key = valueKey(item.value);
      if (!into.has(key)) into.set(key, item.path);
      continue;
    }
    if (item.path.length > MAX_DEPTH || item.value === null || typeof item.value !== 'object') continue;
    if (Array.isArray(item.value)) item.value.forEach((child, position) => queue.push({ path: [...item.path, position], value: child }));
    else for (const [key, child] of Object.entries(item.value)) queue.push({ path: [...item.path, key], value: child });
  }
}

/** How a call's arguments map onto a result: each argument from a path, or as a literal; null when none comes from it. */
function mapArguments(
  args: Record<string, unknown>,
  values: Map<string, (string | number)[]>,
): { arguments: Record<string, ArgumentSource>; derived: number } | null {
  const mapping: Record<string, ArgumentSource> = {};
  let derived = 0;
  for (const [name, value] of Object.entries(args)) {
    const path = isMatchable(value) ? values.get(valueKey(value)) : undefined;
    if (path) {
      mapping[name] = { from: path };
      derived += 1;
    } else if (value === null || typeof value === 'boolean' || typeof value === 'number' || (typeof value === 'string' && value.length <= MAX_STRING)) {
      mapping[name] = { value };
    } else {
      return null; // an object or a long text that is not in the result cannot be predicted
    }
  }
  return derived > 0 ? { arguments: mapping, derived } : null;
}

/** The id-like tokens of a text (at least three characters, at least one digit), in order, each once. */
function idTokens(text: string): string[] {
  return [...new Set((text.match(ID_TOKEN) ?? []).filter((token) => token.length >= MIN_STRING && token.length <= MAX_STRING && /\d/.test(token)))];
}

/** A token's shape: capitals → `A`, small letters → `a`, digits → `9`, the rest as is (`TP-30417` → `AA-99999`). */
function shapeOf(token: string): string {
  return token.replace(/[A-Z]/g, 'A').replace(/[a-z]/g, 'a').replace(/[0-9]/g, '9');
}

/** How a call's arguments come from the input: id-shaped values found in it by shape, the rest literal; null when none does. */
function inputMapping(args: Record<string, unknown>, inputTokens: ReadonlySet<string>): Record<string, ArgumentSource> | null {
  if (inputTokens.size === 0) return null;
  const mapping: Record<string, ArgumentSource> = {};
  let derived = 0;
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === 'string' && inputTokens.has(value)) {
      mapping[name] = { input: shapeOf(value) };
      derived += 1;
    } else if (value === null || typeof value === 'boolean' || typeof value === 'number' || (typeof value === 'string' && value.length <= MAX_STRING)) {
      mapping[name] = { value };
    } else {
      return null;
    }
  }
  return derived > 0 ? mapping : null;
}

/** The argument sets an input pattern makes of an input: one per matching token when one argument comes from the input. */
function argumentsFromInput(mapping: Record<string, ArgumentSource>, tokens: readonly string[]): Record<string, unknown>[] {
  const fixed: Record<string, unknown> = {};
  const shaped: [string, string[]][] = [];
  for (const [name, source] of Object.entries(mapping)) {
    if ('value' in source) fixed[name] = source.value;
    else if ('input' in source) shaped.push([name, tokens.filter((token) => shapeOf(token) === source.input)]);
    else return [];
  }
  if (shaped.length === 1) {
    const [name, matches] = shaped[0]!;
    return matches.slice(0, MAX_INPUT_CALLS).map((token) => ({ ...fixed, [name]: token }));
  }
  // Several arguments from the input: only when each shape names exactly one token, or the pairing would be a guess.
  if (shaped.length === 0 || shaped.some(([, matches]) => matches.length !== 1)) return [];
  return [{ ...fixed, ...Object.fromEntries(shaped.map(([name, matches]) => [name, matches[0]])) }];
}

function buildArguments(mapping: Record<string, ArgumentSource>, sources: { args: unknown; result: unknown }): Record<string, unknown> | null {
  const built: Record<string, unknown> = {};
  for (const [name, source] of Object.entries(mapping)) {
    if ('input' in source) return null;
    if ('value' in source) {
      built[name] = source.value;
      continue;
    }
    let value: unknown = sources;
    for (const step of source.from) {
      if (value === null || typeof value !== 'object') return null;
      value = (value as Record<string | number, unknown>)[step];
    }
    if (!isMatchable(value)) return null;
    built[name] = value;
  }
  return built;
}

/** The last tool results of the history (their model-facing JSON), so a turn can follow up on an earlier turn's lookups. */
function seedFromHistory(history: readonly Message[], result: (tool: string, args: Record<string, unknown>, value: unknown) => void): void {
  const calls = new Map<string, string>();
  for (const message of history) {
    if (message.role === 'assistant') for (const call of message.toolCalls ?? []) calls.set(call.id, call.arguments);
  }
  const seeds: { tool: string; args: Record<string, unknown>; value: unknown }[] = [];
  // Only the last few are parsed: a long session's early results would be pushed out of the window anyway.
  for (let position = history.length - 1; position >= 0 && seeds.length < RECENT_RESULTS; position--) {
    const message = history[position]!;
    if (message.role !== 'tool' || message.isError || !(message.content.startsWith('{') || message.content.startsWith('['))) continue;
    const argumentText = calls.get(message.toolCallId);
    if (argumentText === undefined) continue;
    try {
      const args = JSON.parse(argumentText) as unknown;
      if (typeof args !== 'object' || args === null || Array.isArray(args)) continue;
      seeds.push({ tool: message.toolName, args: args as Record<string, unknown>, value: JSON.parse(message.content) });
    } catch {
      // a result the model saw as text teaches nothing about values
    }
  }
  for (const seed of seeds.reverse()) result(seed.tool, seed.args, seed.value);
}
