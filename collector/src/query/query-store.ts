// The query layer's one seam between SQLite and PostgreSQL. Every query is written once, with drizzle's builder over
// the tables of storage/schema.ts (pg-schema.ts has the same names, kept equal by its test), and awaited: drizzle's
// builders are promises on both drivers, while `.all()` and `.get()` exist on SQLite's only. The few things the two
// dialects spell differently are the SqlDialect below; everything else is SQL both speak (CASE rather than summing
// booleans, floor() for buckets, constants rather than parameters in GROUP BY expressions, names ordered in
// JavaScript rather than by the database's collation). The query-route conformance suite runs every route on both.
import { sql, type Column, type SQL } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { CollectorError } from '../errors.ts';
import type * as schema from '../storage/schema.ts';
import { typedValue } from './search-terms.ts';

/**
 * The builder surface queries use. Typed as SQLite's database because the tables are schema.ts's; on PostgreSQL the
 * object is drizzle's node-postgres database, whose builders render the same queries for the same table objects.
 * Results are awaited, never read with `.all()` / `.get()` / `.run()`.
 */
export type QueryDb = BetterSQLite3Database<typeof schema>;

export interface SqlDialect {
  name: 'sqlite' | 'postgres';
  /** True where `needle` occurs in `text`, case-sensitively. */
  contains(text: SQL | Column, needle: string): SQL;
  /** True where the JSON array text in `array` holds the string `value`. */
  jsonArrayHas(array: Column, value: string): SQL;
  /** A FROM item giving each element of the JSON array text in `array` as JSON text, in the column `item`. */
  jsonArrayItems(array: Column): { from: SQL; item: SQL<string> };
  /** The JSON text of one member of the JSON object text in `object`, or NULL when it has none. */
  jsonMember(object: Column, key: string): SQL<string | null>;
  /**
   * True where the attribute `key` of the JSON object `attributes` equals `value`: as that text, or as the number or
   * boolean it spells (`3` matches 3 and 3.0, `true` matches true and 1, as SQLite's JSON functions compare).
   */
  attributeEquals(attributes: Column, key: string, value: string): SQL;
}

export interface QueryStore {
  db: QueryDb;
  dialect: SqlDialect;
  /** The store's reading of a failure (a timeout, a server that went away), as the error to answer with. */
  describeFailure?(error: unknown): CollectorError | undefined;
}

/** A JSON path naming one object member, for SQLite's JSON functions: the key quoted with JSON's escapes. */
const memberPath = (key: string) => `$.${JSON.stringify(key)}`;

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  contains: (text, needle) => sql`instr(${text}, ${needle}) > 0`,
  jsonArrayHas: (array, value) => sql`exists (select 1 from json_each(${array}) where value = ${value})`,
  jsonArrayItems: (array) => ({ from: sql`json_each(${array}) as item`, item: sql<string>`json_quote(item.value)` }),
  jsonMember: (object, key) => sql<string | null>`(${object} -> ${memberPath(key)})`,
  attributeEquals: (attributes, key, value) => sql`json_extract(${attributes}, ${memberPath(key)}) in (${value}, ${typedValue(value)})`,
};

/**
 * JSON values are compared by their text as stored: every value was written by JSON.stringify, which spells equal
 * values alike. Elements and members stay JSON text (never turned into PostgreSQL strings, which would fail on an
 * escaped NUL) and are parsed in JavaScript where needed.
 */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  contains: (text, needle) => sql`strpos(${text}, ${needle}) > 0`,
  jsonArrayHas: (array, value) => sql`exists (select 1 from json_array_elements(${array}::json) as item where item::text = ${JSON.stringify(value)})`,
  jsonArrayItems: (array) => ({ from: sql`json_array_elements(${array}::json) as item`, item: sql<string>`item::text` }),
  jsonMember: (object, key) => sql<string | null>`(${object}::json -> ${key})::text`,
  attributeEquals(attributes, key, value) {
    const typed = typedValue(value);
    const spellings = new Set([JSON.stringify(value), JSON.stringify(typed)]);
    if (typed === 1) spellings.add('true');
    if (typed === 0) spellings.add('false');
    // An array or object attribute compares as its JSON text, as json_extract gives it.
    if (/^[[{]/.test(value)) spellings.add(value);
    return sql`(${attributes}::json -> ${key})::text in (${sql.join([...spellings].map((spelling) => sql`${spelling}`), sql`, `)})`;
  },
};

/**
 * The store for a SQLite database (the collector's own connection, or a read worker's).
 *
 * @example
 * await answerQuery(sqliteQueryStore(database.db), '/api/traces', 'limit=20');
 */
export function sqliteQueryStore(db: QueryDb): QueryStore {
  return { db, dialect: sqliteDialect };
}

/**
 * Orders strings by code unit, whatever the database's collation (PostgreSQL's follows the server's locale).
 *
 * @example
 * names.sort(byCodeUnit);
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
