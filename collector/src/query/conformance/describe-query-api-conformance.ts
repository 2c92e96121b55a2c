// The query API conformance suite: every query route, search, simulated flags and live updates, run against each
// store the collector has (STYLE.md: one suite per interface, run against every implementation). SQLite runs it in
// http/query-routes.test.ts, PostgreSQL in stores/pg-collector-store.test.ts; the dashboard reads nothing else.
import { describeLiveUpdates } from './live-conformance.ts';
import type { QueryApiBackend } from './query-api-backend.ts';
import { describeQueryRoutes } from './query-routes-conformance.ts';
import { describeSearch } from './search-conformance.ts';
import { describeSimulatedFlags } from './simulated-flags-conformance.ts';

/**
 * Defines the whole suite for one backend.
 *
 * @example
 * describeQueryApiConformance({ name: 'SQLite', start: (options) => startCollector({ port: 0, dbPath: ':memory:', ...options }) });
 */
export function describeQueryApiConformance(backend: QueryApiBackend): void {
  describeQueryRoutes(backend);
  describeSearch(backend);
  describeSimulatedFlags(backend);
  describeLiveUpdates(backend);
}
