// Builds whole tool calls out of streamed pieces, and says a call is complete as early as it can: when its
// arguments form a complete JSON object (nothing valid can follow a closed object), or when the next call starts.
// That lets the runner start read-only tools while the model is still writing the rest of its answer.
import { randomUUID } from 'node:crypto';
import type { ModelStreamEvent } from './model-provider.ts';
import { ProviderResponseError } from './provider-errors.ts';

/** One streamed piece of a tool call, as the wire format gives it (every field may be missing). */
export interface ToolCallPiece {
  index?: number;
  id?: string;
  name?: string;
  /** A JSON text fragment; some servers send the whole arguments as an object instead. */
  arguments?: unknown;
}

interface OpenCall {
  index: number;
  id?: string;
  name?: string;
  arguments: string;
  complete: boolean;
}

type AssemblerEvent = Extract<ModelStreamEvent, { type: 'tool-call-delta' | 'tool-call' }>;

/**
 * Accumulates tool-call pieces by index and turns them into `tool-call-delta` and `tool-call` events.
 *
 * @example
 * const calls = new ToolCallAssembler();
 * calls.push({ index: 0, id: 'call_1', name: 'lookup', arguments: '{"id":' }); // [tool-call-delta]
 * calls.push({ index: 0, arguments: '7}' }); // [tool-call-delta, tool-call]
 * calls.finish(); // [] — nothing left open
 */
export class ToolCallAssembler {
  readonly #calls = new Map<number, OpenCall>();
  #lastIndex: number | undefined;

  /** How many tool calls have started. */
  get count(): number {
    return this.#calls.size;
  }

  push(piece: ToolCallPiece): AssemblerEvent[] {
    const events: AssemblerEvent[] = [];
    const index = this.#resolveIndex(piece);
    let call = this.#calls.get(index);
    if (call === undefined) {
      // A new call starts: every earlier one is as complete as it will ever be.
      for (const open of this.#calls.values()) {
        if (!open.complete) events.push(this.#complete(open));
      }
      call = { index, arguments: '', complete: false };
      this.#calls.set(index, call);
    }
    this.#lastIndex = index;
    const id = nonEmpty(piece.id);
    const name = nonEmpty(piece.name);
    const delta = argumentsText(piece.arguments);
    if (call.complete) {
      if (delta.trim() === '') return events;
      throw new ProviderResponseError(
        `Tool call ${index} received more arguments after they formed a complete JSON object`,
        { excerpt: call.arguments + delta },
      );
    }
    call.id ??= id;
    call.name ??= name;
    call.arguments += delta;
    events.push({
      type: 'tool-call-delta',
      index,
      ...(id !== undefined ? { id } : {}),
      ...(name !== undefined ? { name } : {}),
      argumentsDelta: delta,
    });
    if (call.name !== undefined && isCompleteObject(call.arguments)) events.push(this.#complete(call));
    return events;
  }

  /** Completes call `index` if it is still open (the API marked its end, e.g. Anthropic's `content_block_stop`). */
  end(index: number): AssemblerEvent[] {
    const call = this.#calls.get(index);
    return call === undefined || call.complete ? [] : [this.#complete(call)];
  }

  /** Completes every call still open (the response ended), in index order. */
  finish(): AssemblerEvent[] {
    return [...this.#calls.values()]
      .filter((call) => !call.complete)
      .sort((a, b) => a.index - b.index)
      .map((call) => this.#complete(call));
  }

  #resolveIndex(piece: ToolCallPiece): number {
    if (typeof piece.index === 'number' && Number.isInteger(piece.index) && piece.index >= 0) return piece.index;
    // No index (some llama.cpp and Gemini-compatible servers): a new id means a new call.
    const id = nonEmpty(piece.id);
    const last = this.#lastIndex === undefined ? undefined : this.#calls.get(this.#lastIndex);
    if (last === undefined) return 0;
    if (id !== undefined && last.id !== undefined && id !== last.id) return Math.max(...this.#calls.keys()) + 1;
    return last.index;
  }

  #complete(call: OpenCall): AssemblerEvent {
    call.complete = true;
    return {
      type: 'tool-call',
      index: call.index,
      toolCall: {
        // Ollama and llama.cpp sometimes send no id; the conversation needs one to pair the result with the call.
        id: call.id ?? `call_${randomUUID().replaceAll('-', '').slice(0, 24)}`,
        name: call.name ?? '',
        // A tool without parameters may come back with no arguments at all.
        arguments: call.arguments.trim() === '' ? '{}' : call.arguments,
      },
    };
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function argumentsText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isCompleteObject(text: string): boolean {
  if (!text.trimEnd().endsWith('}')) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
