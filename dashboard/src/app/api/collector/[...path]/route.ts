// Read-only proxy from the browser to the collector's query API: the span detail panel and live updates use it,
// so the collector needs no CORS and its query token never reaches the browser. Server-sent events stream through.
import { CollectorSlowError, CollectorUnreachableError, InvalidParameterError } from '../../../../lib/dashboard-error.ts';
import { collectorFetch } from '../../../../server/collector-client.ts';
import { proxyPath } from '../../../../server/proxy-path.ts';

const errorResponse = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status });

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  let path: string;
  try {
    path = proxyPath((await params).path);
  } catch (error) {
    if (error instanceof InvalidParameterError) return errorResponse(404, 'not_found', error.message);
    throw error;
  }
  const live = path === '/api/live';
  const query = Object.fromEntries(new URL(request.url).searchParams);
  let upstream: Response;
  try {
    // Pages of a big trace are read on the collector's read worker, which answers 503 query_timeout itself after 30 s.
    upstream = await collectorFetch(path, query, { signal: request.signal, timeout: !live, timeoutMs: Number(process.env.HOTPATH_COLLECTOR_TIMEOUT_MS) || 35_000 });
  } catch (error) {
    // The browser went away (a page closed or navigated mid-request): nobody reads an answer, and it is no error of
    // ours, so Next must not log it as one.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    if (error instanceof CollectorUnreachableError) return errorResponse(502, 'collector_unreachable', error.message);
    if (error instanceof CollectorSlowError) return errorResponse(504, 'collector_slow', error.message);
    throw error;
  }
  const headers = new Headers({ 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' });
  if (live) {
    headers.set('cache-control', 'no-cache, no-transform');
    headers.set('x-accel-buffering', 'no');
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
