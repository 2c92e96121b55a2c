// GET /api/facets: the distinct services, agents and models seen, for the dashboard's filter menus.
import { and, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from '../storage/schema.ts';
import { traces } from '../storage/schema.ts';
import type { FacetsResponse } from './api-types.ts';
import type { QueryParams } from './query-params.ts';
import { whereAll } from './trace-filters.ts';

/**
 * Answers `GET /api/facets`, each list sorted.
 *
 * @example
 * facets(db, new QueryParams(new URLSearchParams()));
 * // → { services: ['support'], agents: ['triage'], models: ['sim-large', 'sim-small'] }
 */
export function facets(
  db: BetterSQLite3Database<typeof schema>,
  params: QueryParams,
): FacetsResponse {
  const from = params.time('from');
  const to = params.time('to');
  const range = [from === undefined ? undefined : gte(traces.startMs, from), to === undefined ? undefined : lte(traces.startMs, to)].filter(
    (condition) => condition !== undefined,
  );
  const distinct = (column: typeof traces.service | typeof traces.agent) =>
    db
      .selectDistinct({ value: column })
      .from(traces)
      .where(and(isNotNull(column), ...range))
      .orderBy(column)
      .all()
      .map((row) => row.value as string);
  const models = db
    .selectDistinct({ value: sql<string>`model.value` })
    .from(sql`${traces}, json_each(${traces.models}) as model`)
    .where(whereAll(range))
    .orderBy(sql`model.value`)
    .all()
    .map((row) => row.value);
  return { services: distinct(traces.service), agents: distinct(traces.agent), models };
}
