// Fault injection for tests of clients: per request with the `x-hotpath-fault` header, or per server with the
// `fault` option. `name:N` limits a header's fault to the first N requests carrying that exact header value, so a
// retry test can see two 429s and then a success.
import type { Decision } from './brain/brain.ts';
import { InvalidRequestError } from './chat-request.ts';

export const FAULT_NAMES = ['http-429', 'http-500', 'cut-stream', 'malformed-tool-json', 'unknown-tool'] as const;

/**
 * - `http-429`: rate limited (with `retry-after` and `retry-after-ms`), after the request latency.
 * - `http-500`: server error.
 * - `cut-stream`: the connection drops halfway through the response (no `[DONE]`).
 * - `malformed-tool-json`: the first tool call's arguments are cut short, so they are not valid JSON.
 * - `unknown-tool`: the first tool call names a tool the request did not offer.
 */
export type FaultName = (typeof FAULT_NAMES)[number];

export const FAULT_HEADER = 'x-hotpath-fault';

const isFaultName = (value: string): value is FaultName => (FAULT_NAMES as readonly string[]).includes(value);

/** Tracks `name:N` header faults per exact header value. */
export class FaultCounter {
  readonly #seen = new Map<string, number>();

  /**
   * Reads the fault header: the fault to inject now, or `undefined` (no header, or its count is used up).
   * Throws `InvalidRequestError` for an unknown fault name.
   *
   * @example
   * new FaultCounter().fromHeader('http-429:2'); // 'http-429' twice, then undefined
   */
  fromHeader(header: string | undefined): FaultName | undefined {
    if (header === undefined || header.trim() === '') return undefined;
    const [name = '', limitText] = header.trim().split(':');
    if (!isFaultName(name)) {
      throw new InvalidRequestError(`${FAULT_HEADER}: unknown fault '${name}'; expected one of ${FAULT_NAMES.join(', ')}`, {
        param: FAULT_HEADER,
      });
    }
    if (limitText === undefined) return name;
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 0) {
      throw new InvalidRequestError(`${FAULT_HEADER}: '${limitText}' is not a whole number of requests`, { param: FAULT_HEADER });
    }
    const seen = (this.#seen.get(header) ?? 0) + 1;
    this.#seen.set(header, seen);
    return seen <= limit ? name : undefined;
  }
}

/**
 * Applies a fault that changes what the model says (`malformed-tool-json`, `unknown-tool`) to a decision that calls
 * tools; any other decision or fault is returned unchanged.
 *
 * @example
 * applyOutputFault(decision, 'unknown-tool').toolCalls[0].name; // 'lookup_everything'
 */
export function applyOutputFault(decision: Decision, fault: FaultName | undefined): Decision {
  if (decision.kind !== 'tool-calls' || (fault !== 'malformed-tool-json' && fault !== 'unknown-tool')) return decision;
  const [first, ...rest] = decision.toolCalls;
  if (!first) return decision;
  const changed =
    fault === 'malformed-tool-json'
      ? { ...first, arguments: first.arguments.slice(0, Math.max(1, first.arguments.length - 2)) }
      : { ...first, name: 'lookup_everything' };
  return { kind: 'tool-calls', toolCalls: [changed, ...rest] };
}
