// Which collector paths the browser may reach through the dashboard's proxy: the read-only query API only,
// never OTLP ingest or anything else the collector might serve.
import { InvalidParameterError } from '../lib/dashboard-error.ts';

const ALLOWED = new Set(['health', 'facets', 'traces', 'spend', 'routing', 'cache', 'compare', 'live']);
const SEGMENT = /^[A-Za-z0-9_-]+$/;

/**
 * The collector path for the proxy's path segments, or an {@link InvalidParameterError}.
 *
 * @example
 * proxyPath(['traces', '4bf92f3577b34da6a3ce929d0e0e4736']) // '/api/traces/4bf92f3577b34da6a3ce929d0e0e4736'
 */
export function proxyPath(segments: readonly string[]): string {
  const [first] = segments;
  if (!first || !ALLOWED.has(first) || segments.length > 4 || !segments.every((segment) => SEGMENT.test(segment))) {
    throw new InvalidParameterError('path', `/${segments.join('/')} is not a query API path.`);
  }
  return `/api/${segments.join('/')}`;
}
