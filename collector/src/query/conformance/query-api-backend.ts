// The query API conformance suite's view of a store: a way to start a collector on a fresh, empty one. The suite
// (describe-query-api-conformance.ts) runs the same tests against each: SQLite in http/query-routes.test.ts,
// PostgreSQL in stores/pg-collector-store.test.ts. Everything goes over HTTP, as the dashboard reads it.
import assert from 'node:assert/strict';
import type { CollectorOptions, RunningCollector } from '../../start-collector.ts';
import { otlpJson, type FixtureResource, type FixtureSpan } from '../../testing/otlp-request.ts';

export interface QueryApiBackend {
  /** Shown in the suite's name: `SQLite`, `PostgreSQL`. */
  name: string;
  /** A collector on a fresh, empty store of this kind; the test closes it. */
  start(options?: CollectorOptions): Promise<RunningCollector>;
  /** Why this backend cannot run here (PostgreSQL not installable), checked when a test starts. */
  skipped?(): string | undefined;
  /**
   * The store's text columns cannot hold U+0000 and keep U+FFFD in its place (PostgreSQL); values inside attributes
   * (JSON) keep it either way.
   */
  textWithoutNul?: boolean;
}

/**
 * Posts spans as OTLP/JSON and checks they were accepted.
 *
 * @example
 * await postSpans(collector, spans, { attributes: { 'service.name': 'desk' } });
 */
export async function postSpans(collector: RunningCollector, spans: FixtureSpan[], resource?: FixtureResource, path = '/v1/traces'): Promise<void> {
  const response = await fetch(`${collector.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(otlpJson(spans, resource)),
  });
  assert.equal(response.status, 200, await response.clone().text());
}

/**
 * GETs a query API path and checks the status.
 *
 * @example
 * const { traces } = await getJson<TraceListResponse>(collector, '/api/traces');
 */
export async function getJson<T>(collector: RunningCollector, path: string, status = 200): Promise<T> {
  const response = await fetch(`${collector.url}${path}`);
  assert.equal(response.status, status, `${path} answered ${response.status}: ${await response.clone().text()}`);
  return (await response.json()) as T;
}
