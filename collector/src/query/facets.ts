// GET /api/facets: the distinct services, agents and models seen, for the dashboard's filter menus.
import { and, gte, isNotNull, lte, sql } from 'drizzle-orm';
import { readStoredJson } from '../storage/read-stored-json.ts';
import { traces } from '../storage/schema.ts';
import type { FacetsResponse } from './api-types.ts';
import type { QueryParams } from './query-params.ts';
import { byCodeUnit, type QueryStore } from './query-store.ts';
import { whereAll } from './trace-filters.ts';

/**
 * Answers `GET /api/facets`, each list sorted.
 *
 * @example
 * await facets(store, new QueryParams(new URLSearchParams()));
 * // → { services: ['support'], agents: ['triage'], models: ['sim-large', 'sim-small'] }
 */
export async function facets(store: QueryStore, params: QueryParams): Promise<FacetsResponse> {
  const { db, dialect } = store;
  const from = params.time('from');
  const to = params.time('to');
  const range = [from === undefined ? undefined : gte(traces.startMs, from), to === undefined ? undefined : lte(traces.startMs, to)].filter(
    (condition) => condition !== undefined,
  );
  const distinct = async (column: typeof traces.service | typeof traces.agent) =>
    (await db.selectDistinct({ value: column }).from(traces).where(and(isNotNull(column), ...range))).map((row) => row.value as string).sort(byCodeUnit);
  const models = dialect.jsonArrayItems(traces.models);
  const modelItems = await db.selectDistinct({ value: models.item }).from(sql`${traces}, ${models.from}`).where(whereAll(range));
  // Elements come as JSON text (query-store.ts); two spellings of one name are one facet.
  const modelNames = new Set(modelItems.map((row) => readStoredJson<unknown>(row.value)).filter((value): value is string => typeof value === 'string'));
  return { services: await distinct(traces.service), agents: await distinct(traces.agent), models: [...modelNames].sort(byCodeUnit) };
}
