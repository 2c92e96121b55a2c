import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { is, Table } from 'drizzle-orm';
import { getTableConfig as pgConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { PgDialect } from 'drizzle-orm/pg-core';
import * as pg from './pg-schema.ts';
import * as sqlite from './schema.ts';

/** The storage class of a column, what must agree across the two dialects. */
function family(type: string): string {
  if (/^(SQLiteInteger|PgInteger|PgBigInt53|PgSerial)$/.test(type)) return 'integer';
  if (/^(SQLiteReal|PgDoublePrecision)$/.test(type)) return 'real';
  if (/^(SQLiteText|PgText)$/.test(type)) return 'text';
  return type;
}

type Shape = { columns: string[]; primaryKey: string[]; unique: string[]; indexes: string[] };

function sqliteShape(table: SQLiteTable): Shape {
  const config = sqliteConfig(table);
  const dialect = new SQLiteSyncDialect();
  return {
    columns: config.columns.map((column) => `${column.name} ${family(column.columnType)}${column.notNull ? ' not null' : ''}${column.default !== undefined ? ` default ${JSON.stringify(column.default)}` : ''}`).sort(),
    primaryKey: [...config.columns.filter((column) => column.primary).map((column) => column.name), ...config.primaryKeys.flatMap((key) => key.columns.map((column) => column.name))],
    unique: config.columns.filter((column) => column.isUnique).map((column) => column.name),
    indexes: config.indexes
      .map((index) => `${index.config.name} (${index.config.columns.map((column) => (column as { name: string }).name).join(', ')})${index.config.where ? ` where ${dialect.sqlToQuery(index.config.where).sql}` : ''}`)
      .sort(),
  };
}

function pgShape(table: PgTable): Shape {
  const config = pgConfig(table);
  const dialect = new PgDialect();
  return {
    columns: config.columns.map((column) => `${column.name} ${family(column.columnType)}${column.notNull ? ' not null' : ''}${column.default !== undefined ? ` default ${JSON.stringify(column.default)}` : ''}`).sort(),
    primaryKey: [...config.columns.filter((column) => column.primary).map((column) => column.name), ...config.primaryKeys.flatMap((key) => key.columns.map((column) => column.name))],
    unique: config.columns.filter((column) => column.isUnique).map((column) => column.name),
    indexes: config.indexes
      .map((index) => `${index.config.name} (${index.config.columns.map((column) => (column as { name: string }).name).join(', ')})${index.config.where ? ` where ${dialect.sqlToQuery(index.config.where).sql}` : ''}`)
      .sort(),
  };
}

describe('PostgreSQL schema', () => {
  for (const name of ['resources', 'scopes', 'spans', 'traces'] as const) {
    it(`has the same ${name} table as the SQLite schema: columns, keys and indexes`, () => {
      assert.deepEqual(pgShape(pg[name]), sqliteShape(sqlite[name]), `src/storage/pg-schema.ts must mirror schema.ts for ${name}`);
    });
  }

  it('covers every table of the SQLite schema', () => {
    const tables = (module: object) => Object.entries(module).filter(([, value]) => is(value, Table)).map(([key]) => key).sort();
    assert.deepEqual(tables(sqlite), ['resources', 'scopes', 'spans', 'traces']);
    assert.deepEqual(tables(pg), tables(sqlite));
  });
});
