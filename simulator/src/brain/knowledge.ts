// What the simulated model can see in one request, and nothing else: entity facts from tool results and from fact
// lines in any message, the outcome of every tool call it made (a result, an error, or unreadable because the
// client masked it), and the order in which entities were mentioned (to resolve "that order", "the customer").
import type { ChatMessage } from '../chat-request.ts';
import { type Attributes, parseFactLines } from './fact-text.ts';
import { extractJsonObjects } from './json-in-text.ts';
import type { EntityType, Playbook } from './playbook.ts';

export type CallOutcome =
  | { status: 'result'; value: unknown }
  | { status: 'error'; message: string }
  /**
   * The message is there but is not the output (e.g. a "[masked tool output] …" placeholder); `shown` holds the
   * top-level fields of the JSON it still shows, if any.
   */
  | { status: 'unreadable'; shown?: Record<string, unknown> };

export interface VisibleCall {
  tool: string;
  args: Record<string, unknown>;
  key: string;
  outcome: CallOutcome;
  /** Whether the call was made after the latest user message. */
  currentTurn: boolean;
}

/**
 * Identifies a tool call by name and canonical arguments (keys sorted), to tell whether it was already made.
 *
 * @example
 * callKey('get_order', { orderId: 'O-5002' }); // 'get_order {"orderId":"O-5002"}'
 */
export function callKey(tool: string, args: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.keys(args).sort().map((key) => [key, args[key]]));
  return `${tool} ${JSON.stringify(sorted)}`;
}

// Runners word tool failures differently ("Error: …", "An error occurred while running the tool…", "timed out").
const ERROR_TEXT = /\b(error|failed|exception|timed out|not found)\b/i;

function readToolContent(content: string): CallOutcome {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return ERROR_TEXT.test(content) ? { status: 'error', message: content.trim() } : { status: 'unreadable' };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const error = (value as Record<string, unknown>).error;
    if (error !== undefined && error !== null && error !== false) {
      return { status: 'error', message: typeof error === 'string' ? error : JSON.stringify(error) };
    }
  }
  if (typeof value === 'string' && ERROR_TEXT.test(value)) return { status: 'error', message: value };
  return { status: 'result', value };
}

function parseArgs(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Everything one request shows, read through a playbook's vocabulary.
 *
 * @example
 * const knowledge = new Knowledge(playbook, request.messages);
 * knowledge.entity('C-1001')?.get('email');
 */
export class Knowledge {
  readonly calls: VisibleCall[] = [];
  /**
   * Entity ids in order of mention in user text, assistant text and tool-call arguments (not tool results, and from
   * system messages only the ids of fact lines).
   */
  readonly mentions: string[] = [];
  readonly latestUserText: string;
  /** Objects that describe no entity (a policy, a search result), with where they were seen. */
  readonly documents: { source: string; value: Record<string, unknown> }[] = [];
  readonly #entities = new Map<string, Attributes>();
  readonly #anchored: { type: EntityType; pattern: RegExp }[];
  readonly #anywhere: RegExp;

  constructor(playbook: Playbook, messages: readonly ChatMessage[]) {
    this.#anchored = playbook.entityTypes.map((type) => ({ type, pattern: new RegExp(`^(?:${type.idPattern.source})$`) }));
    this.#anywhere = new RegExp(playbook.entityTypes.map((type) => `(?:${type.idPattern.source})`).join('|'), 'g');
    const latestUser = messages.findLastIndex((message) => message.role === 'user');
    this.latestUserText = latestUser === -1 ? '' : (messages[latestUser] as ChatMessage).content;
    const pending = new Map<string, { tool: string; args: Record<string, unknown> | undefined; currentTurn: boolean }>();
    messages.forEach((message, index) => {
      if (message.role === 'tool') {
        const call = pending.get(message.toolCallId ?? '');
        if (!call) return; // a result whose call is not visible cannot be attributed
        let outcome = readToolContent(message.content);
        if (outcome.status === 'result') this.#ingestDocument(outcome.value, `${call.tool} ${JSON.stringify(call.args ?? {})}`);
        // A placeholder may still show some of the output (a masked result's short fields): those facts are visible,
        // the full result is not. Its lists may be cut short, so they do not say which orders or tickets exist.
        if (outcome.status === 'unreadable') {
          const shown = extractJsonObjects(message.content);
          for (const object of shown) this.ingest(object, { partial: true });
          if (shown.length > 0) outcome = { status: 'unreadable', shown: Object.assign({}, ...shown) as Record<string, unknown> };
        }
        if (call.args) {
          this.calls.push({ tool: call.tool, args: call.args, key: callKey(call.tool, call.args), outcome, currentTurn: call.currentTurn });
        }
        return;
      }
      const facts = parseFactLines(playbook, message.content);
      // Instructions name example ids ("orders look like O-5001"): from them only fact lines (a summary kept as a
      // system message) count as mentions.
      if (message.role === 'system' || message.role === 'developer') this.mentions.push(...facts.map((fact) => fact.id));
      else this.#mention(message.content);
      for (const call of message.toolCalls) {
        this.#mention(call.arguments);
        pending.set(call.id, { tool: call.name, args: parseArgs(call.arguments), currentTurn: index > latestUser });
      }
      for (const fact of facts) this.#merge(fact.id, fact.attributes);
      // Transcripts handed to a summariser carry tool results as JSON inside text.
      if (message.role !== 'assistant') {
        for (const object of extractJsonObjects(message.content)) this.#ingestDocument(object, 'transcript');
      }
    });
  }

  /** The attributes known about an entity, or `undefined` when it was never seen. */
  entity(id: string): ReadonlyMap<string, unknown> | undefined {
    return this.#entities.get(id);
  }

  /** Every entity seen, in first-seen order. */
  entities(): [string, ReadonlyMap<string, unknown>][] {
    return [...this.#entities];
  }

  /** The latest visible outcome of a call, if it was made. */
  outcome(key: string): CallOutcome | undefined {
    return this.calls.findLast((call) => call.key === key)?.outcome;
  }

  typeOf(id: string): EntityType | undefined {
    return this.#anchored.find(({ pattern }) => pattern.test(id))?.type;
  }

  /**
   * Records the entities in a JSON value: an object with an `id` of a known type is that entity; an object without
   * one but with exactly one `<x>Id` field naming an entity adds its other fields to that entity (e.g. a list of
   * orders under `customerId` becomes the customer's `orders`). Arrays of entities become lists of their ids, except
   * in a `partial` value (what a masked placeholder still shows), whose lists may have lost items: there the listed
   * entities' own facts count, the list only when the record's `count` says it is whole.
   */
  ingest(value: unknown, options: { partial?: boolean } = {}): void {
    if (Array.isArray(value)) {
      for (const item of value) this.ingest(item, options);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    let id = typeof record.id === 'string' && this.typeOf(record.id) ? record.id : undefined;
    let skip = 'id';
    if (id === undefined) {
      const owners = Object.entries(record).filter(
        ([key, field]) => key.endsWith('Id') && typeof field === 'string' && this.typeOf(field) !== undefined,
      );
      if (owners.length === 1) [skip, id] = owners[0] as [string, string];
    }
    const attributes: Attributes = new Map();
    for (const [key, field] of Object.entries(record)) {
      if (key === skip) continue;
      if (Array.isArray(field) && field.some((item) => this.#isEntity(item))) {
        this.ingest(field, options);
        const ids = field.filter((item) => this.#isEntity(item)).map((item) => (item as { id: string }).id);
        // A cut list can still prove itself whole: its record says how many items there are, and all are there.
        if (!options.partial || record.count === ids.length) attributes.set(key, ids);
      } else if (Array.isArray(field) && field.length === 0) {
        attributes.set(key, []);
      } else {
        if (typeof field === 'object' && field !== null) this.ingest(field, options);
        attributes.set(key, field);
      }
    }
    if (id !== undefined) this.#merge(id, attributes);
  }

  #ingestDocument(value: unknown, source: string): void {
    this.ingest(value);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    const aboutEntity = Object.entries(record).some(
      ([key, field]) => (key === 'id' || key.endsWith('Id')) && typeof field === 'string' && this.typeOf(field) !== undefined,
    );
    if (!aboutEntity) this.documents.push({ source, value: record });
  }

  #isEntity(item: unknown): boolean {
    return typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' && this.typeOf((item as { id: string }).id) !== undefined;
  }

  #merge(id: string, attributes: Attributes): void {
    const known = this.#entities.get(id) ?? new Map<string, unknown>();
    for (const [name, value] of attributes) known.set(name, value);
    this.#entities.set(id, known);
  }

  #mention(text: string): void {
    for (const match of text.matchAll(this.#anywhere)) this.mentions.push(match[0]);
  }
}
