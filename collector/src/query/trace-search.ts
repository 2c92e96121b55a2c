// Search terms (search-terms.ts) as conditions on the `traces` table. Ids use indexes: a trace id or prefix is a
// range of the primary key, a span id the `spans_span_id` index. Attributes a run carries on its root span are found
// in the summary's `tags` column; the GenAI keys every span may carry map onto the summary's own columns (service,
// agent, models, and the tool names and error types among its search terms). Words are found in the lower-cased
// names and error messages of the summary's search text. Text matching goes through the dialect (query-store.ts:
// instr() on SQLite, strpos() on PostgreSQL).
import { and, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { tagLine } from '../ingest/root-tags.ts';
import { spans, traces } from '../storage/schema.ts';
import type { SqlDialect } from './query-store.ts';
import type { SearchTerms } from './search-terms.ts';

/** The search text's terms are newline-separated; a whole-term match needs a delimiter at each end. */
const delimitedTerms = sql`(${'\n'} || ${traces.searchText} || ${'\n'})`;
const hasWord = (dialect: SqlDialect, word: string): SQL => dialect.contains(traces.searchText, word);
const hasTerm = (dialect: SqlDialect, term: string): SQL => dialect.contains(delimitedTerms, `\n${term.toLowerCase()}\n`);

/**
 * Conditions on `traces` for every term (all must hold).
 *
 * @example
 * store.db.select().from(traces).where(and(...searchConditions(store.dialect, parseSearchTerms('error.type=timeout'))));
 */
export function searchConditions(dialect: SqlDialect, terms: SearchTerms): SQL[] {
  const conditions: SQL[] = [];
  for (const id of terms.ids) conditions.push(idCondition(dialect, id));
  for (const [key, value] of terms.attributes) conditions.push(attributeCondition(dialect, key, value));
  for (const word of terms.words) conditions.push(hasWord(dialect, word));
  return conditions;
}

function idCondition(dialect: SqlDialect, id: string): SQL {
  const alternatives: (SQL | undefined)[] = [
    id.length === 32 ? eq(traces.traceId, id) : and(gte(traces.traceId, id), lt(traces.traceId, `${id}g`)),
    id.length === 16 ? sql`${traces.traceId} in (select ${spans.traceId} from ${spans} where ${spans.spanId} = ${id})` : undefined,
    // Digits only may be an order number as well; anything with a hex letter is an id and stays on the indexes.
    /^\d+$/.test(id) ? hasWord(dialect, id) : undefined,
  ];
  return or(...alternatives)!;
}

/**
 * A `key=value` attribute term: the root span's attribute equals, or for the GenAI keys the conventions put on child
 * spans, any span's. Numbers match however they are spelled (`3` and `3.0`).
 *
 * @example
 * store.db.select().from(traces).where(attributeCondition(store.dialect, 'hotpath.workload.variant', 'baseline'));
 */
export function attributeCondition(dialect: SqlDialect, key: string, value: string): SQL {
  const spelled = /^-?\d+(\.\d+)?$/.test(value) ? String(Number(value)) : value;
  const onRoot = dialect.contains(traces.tags, tagLine(key, spelled));
  switch (key) {
    case 'service.name':
      return or(eq(traces.service, value), onRoot)!;
    case 'gen_ai.agent.name':
      return or(eq(traces.agent, value), hasTerm(dialect, value), onRoot)!;
    case 'gen_ai.request.model':
    case 'gen_ai.response.model':
      return or(dialect.contains(traces.models, JSON.stringify(value)), onRoot)!;
    case 'gen_ai.tool.name':
    case 'error.type':
      return or(hasTerm(dialect, value), onRoot)!;
    default:
      return onRoot;
  }
}
