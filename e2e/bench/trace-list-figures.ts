// The trace list and the aggregate pages over many traces: fills a collector with `count` five-span agent runs spread
// over a week (OTLP/JSON over HTTP, through ingest like any sender), then times every sort (both orders, first page and
// a keyset page further on), every filter and every kind of search, and the spend, routing and cache answers over the
// week, at the collector (median of three, milliseconds).
import { manyRuns, postAll } from '../src/fixtures/otlp-json-batches.ts';

export interface QueryTiming {
  name: string;
  ms: number;
}

export interface ListFigures {
  traces: number;
  loadSeconds: number;
  list: QueryTiming[];
  aggregates: QueryTiming[];
}

const WEEK_MS = 7 * 86_400_000;

async function timed(url: string): Promise<number> {
  const samples: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[1]!;
}

/**
 * @example
 * const figures = await measureTraceList(collector.url, 100_000);
 */
export async function measureTraceList(collectorUrl: string, count: number): Promise<ListFigures> {
  const now = Date.now();
  const loadStarted = performance.now();
  await postAll(collectorUrl, manyRuns(count, now - WEEK_MS, now));
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const api = (path: string, params: Record<string, string>) => `${collectorUrl}${path}?${new URLSearchParams(params)}`;
  const sample = (await (await fetch(api('/api/traces', { limit: '1', sort: 'start', order: 'asc' }))).json()) as { traces: { traceId: string }[] };
  const someTrace = sample.traces[0]!.traceId;
  const someSpan = ((await (await fetch(`${collectorUrl}/api/traces/${someTrace}/spans?limit=2`)).json()) as { spans: { spanIds: string[] } }).spans.spanIds[1]!;
  const list: QueryTiming[] = [];
  for (const sort of ['start', 'duration', 'tokens', 'cost']) {
    for (const order of ['desc', 'asc']) {
      const first = (await (await fetch(api('/api/traces', { sort, order, limit: '50' }))).json()) as { nextCursor: string };
      list.push({ name: `sort ${sort} ${order}`, ms: await timed(api('/api/traces', { sort, order, limit: '50' })) });
      list.push({ name: `sort ${sort} ${order}, next page`, ms: await timed(api('/api/traces', { sort, order, limit: '50', cursor: first.nextCursor })) });
    }
  }
  const filters: Record<string, Record<string, string>> = {
    'service': { service: 'billing-api' },
    'agent': { agent: 'research' },
    'model': { model: 'claude-sonnet-4' },
    'status error': { status: 'error' },
    'duration ≥ 5 s': { minDurationMs: '5000' },
    'tokens ≥ 30,000': { minTokens: '30000' },
    'last 24 hours': { from: String(now - 86_400_000) },
    'error, by cost': { status: 'error', sort: 'cost' },
    'search: trace id': { search: someTrace },
    'search: trace id prefix': { search: someTrace.slice(0, 10) },
    'search: span id': { search: someSpan },
    'search: key=value (root attribute)': { search: 'gen_ai.conversation.id=c-4242' },
    'search: key=value (common)': { search: 'customer.tier=enterprise' },
    'search: key=value (tool on any span)': { search: 'gen_ai.tool.name=crawl_site' },
    'search: service name': { search: 'ops-api' },
    'search: error text': { search: 'did not answer' },
    'search: no match': { search: 'nothing-matches-this' },
    'facets': {},
  };
  for (const [name, params] of Object.entries(filters)) {
    list.push({ name: `filter ${name}`, ms: await timed(api(name === 'facets' ? '/api/facets' : '/api/traces', { limit: '50', ...params })) });
  }
  const week = { from: String(now - WEEK_MS), to: String(now) };
  const aggregates: QueryTiming[] = [];
  for (const groupBy of ['model', 'agent', 'service']) aggregates.push({ name: `spend by ${groupBy}, hourly`, ms: await timed(api('/api/spend', { ...week, bucket: 'hour', groupBy })) });
  aggregates.push({ name: 'routing', ms: await timed(api('/api/routing', week)) });
  aggregates.push({ name: 'cache', ms: await timed(api('/api/cache', week)) });
  return { traces: count, loadSeconds, list, aggregates };
}
