// Whether a Hotpath collector is there to receive the benchmark's traces: `GET /api/health` must answer 200 with
// `{ ok: true }` within a second. Anything else (refused, slow, another server on the port) means "not reachable",
// with the reason, and the benchmark runs without exporting.

export type CollectorHealth = { reachable: true; traces?: number; spans?: number } | { reachable: false; reason: string };

/**
 * Asks the collector at `baseUrl` whether it is up.
 *
 * @example
 * const health = await checkCollector('http://127.0.0.1:4318');
 * if (!health.reachable) console.log(`not exporting: ${health.reason}`);
 */
export async function checkCollector(baseUrl: string, timeoutMs = 1_000): Promise<CollectorHealth> {
  let url: URL;
  try {
    url = new URL('/api/health', baseUrl);
  } catch {
    return { reachable: false, reason: `"${baseUrl}" is not a URL` };
  }
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    const text = await response.text();
    if (!response.ok) return { reachable: false, reason: `GET ${url} answered ${response.status}` };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { reachable: false, reason: `GET ${url} did not answer JSON (is this a Hotpath collector?)` };
    }
    const health = body as { ok?: unknown; traces?: unknown; spans?: unknown };
    if (health.ok !== true) return { reachable: false, reason: `GET ${url} did not say ok: true` };
    return {
      reachable: true,
      ...(typeof health.traces === 'number' && { traces: health.traces }),
      ...(typeof health.spans === 'number' && { spans: health.spans }),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const name = (error as Error).name;
    const reason = name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (cause ?? (error as Error).message);
    return { reachable: false, reason: `GET ${url} failed: ${reason}` };
  }
}
