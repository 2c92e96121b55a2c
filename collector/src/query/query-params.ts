// Typed reading of query-string parameters: an invalid value is a 400 naming the parameter, an unknown
// parameter is ignored (docs/query-api.md).
import { CollectorError } from '../errors.ts';

/**
 * Reads typed values from a URL's search parameters.
 *
 * @example
 * const params = new QueryParams(new URL(request.url, 'http://x').searchParams);
 * const limit = params.integer('limit', { min: 1, max: 500 }) ?? 50;
 */
export class QueryParams {
  constructor(readonly search: URLSearchParams) {}

  string(name: string): string | undefined {
    const value = this.search.get(name);
    return value === null || value === '' ? undefined : value;
  }

  number(name: string, range: { min?: number; max?: number } = {}): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || (range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
      throw invalid(name, `expected a number${rangeText(range)}, got ${JSON.stringify(raw)}`);
    }
    return value;
  }

  integer(name: string, range: { min?: number; max?: number } = {}): number | undefined {
    const value = this.number(name, range);
    if (value !== undefined && !Number.isInteger(value)) {
      throw invalid(name, `expected an integer${rangeText(range)}, got ${JSON.stringify(this.string(name))}`);
    }
    return value;
  }

  /** Epoch milliseconds, or an ISO 8601 date. */
  time(name: string): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const value = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Date.parse(raw);
    if (!Number.isFinite(value)) throw invalid(name, `expected epoch milliseconds or an ISO date, got ${JSON.stringify(raw)}`);
    return value;
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!(values as readonly string[]).includes(raw)) {
      throw invalid(name, `expected one of ${values.join(', ')}, got ${JSON.stringify(raw)}`);
    }
    return raw as T;
  }

  traceId(name: string): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!/^[0-9a-fA-F]{32}$/.test(raw)) throw invalid(name, 'expected a trace id of 32 hex digits');
    return raw.toLowerCase();
  }

  /** Parameters named `<prefix><key>`, as key → value. */
  prefixed(prefix: string): Map<string, string> {
    const found = new Map<string, string>();
    for (const [name, value] of this.search) {
      if (name.startsWith(prefix) && name.length > prefix.length) found.set(name.slice(prefix.length), value);
    }
    return found;
  }
}

/**
 * The 400 for a bad parameter.
 *
 * @example
 * throw invalid('bucket', 'expected minute, hour or day');
 */
export function invalid(name: string, detail: string): CollectorError {
  return new CollectorError('bad_request', `invalid query parameter ${name}: ${detail}`);
}

function rangeText(range: { min?: number; max?: number }): string {
  if (range.min !== undefined && range.max !== undefined) return ` from ${range.min} to ${range.max}`;
  if (range.min !== undefined) return ` ≥ ${range.min}`;
  if (range.max !== undefined) return ` ≤ ${range.max}`;
  return '';
}
