import type Database from "better-sqlite3";
import {
  emptySchema,
  sortSchema,
  type Column,
  type ForeignKey,
  type Index,
  type IntrospectOptions,
  type QualifiedName,
  type ReferentialAction,
  type Schema,
  type Table,
} from "@driftwood/schema";
import { parseCreateIndex, parseCreateTable } from "./sqlite-ddl-parse.ts";

// One query per concern for the whole database; `?` is the JSON list of tables to read.
const TABLES = `
  SELECT name, sql FROM sqlite_master
  WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%'
  ORDER BY name`;

const COLUMNS = `
  SELECT m.name AS table_name, c.name, c.type, c."notnull" AS not_null, c.dflt_value, c.pk, c.hidden
  FROM sqlite_master m JOIN pragma_table_xinfo(m.name) c
  WHERE m.type = 'table' AND m.name IN (SELECT value FROM json_each(?))
  ORDER BY m.name, c.cid`;

const FOREIGN_KEYS = `
  SELECT m.name AS table_name, f.id, f."table" AS ref_table, f."from" AS from_column, f."to" AS to_column,
         f.on_update, f.on_delete
  FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
  WHERE m.type = 'table' AND m.name IN (SELECT value FROM json_each(?))
  ORDER BY m.name, f.id, f.seq`;

const INDEXES = `
  SELECT m.name AS table_name, il.name, il."unique", il.origin, ix.sql
  FROM sqlite_master m JOIN pragma_index_list(m.name) il
  LEFT JOIN sqlite_master ix ON ix.type = 'index' AND ix.name = il.name
  WHERE m.type = 'table' AND m.name IN (SELECT value FROM json_each(?)) AND il.origin <> 'pk'
  ORDER BY m.name, il.name`;

const INDEX_COLUMNS = `
  SELECT il.name AS index_name, x.cid, x.name, x."desc"
  FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) x
  WHERE m.type = 'table' AND m.name IN (SELECT value FROM json_each(?)) AND il.origin <> 'pk' AND x.key = 1
  ORDER BY il.name, x.seqno`;

interface ColumnRow { table_name: string; name: string; type: string; not_null: number; dflt_value: string | null; pk: number; hidden: number }
interface ForeignKeyRow { table_name: string; id: number; ref_table: string; from_column: string; to_column: string | null; on_update: string; on_delete: string }
interface IndexRow { table_name: string; name: string; unique: number; origin: string; sql: string | null }
interface IndexColumnRow { index_name: string; cid: number; name: string | null; desc: number }

const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const map = new Map<K, T[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return map;
};

/** The tables `introspectSqlite` reads, names only. */
export function tableNamesSqlite(db: Database.Database): QualifiedName[] {
  return (db.prepare(TABLES).all() as { name: string }[]).map(({ name }) => ({ name }));
}

/** Reads every table (and its keys, checks and indexes) of the `main` database, in five queries. */
export function introspectSqlite(db: Database.Database, options: IntrospectOptions = {}): Schema {
  const tables = (db.prepare(TABLES).all() as { name: string; sql: string }[]).filter(
    (t) => options.include?.({ name: t.name }) ?? true,
  );
  const names = JSON.stringify(tables.map((t) => t.name));
  const read = <T>(sql: string) => db.prepare(sql).all(names) as T[];
  const columns = groupBy(read<ColumnRow>(COLUMNS), (r) => r.table_name);
  const foreignKeys = groupBy(read<ForeignKeyRow>(FOREIGN_KEYS), (r) => r.table_name);
  const indexes = groupBy(read<IndexRow>(INDEXES), (r) => r.table_name);
  const indexColumns = groupBy(read<IndexColumnRow>(INDEX_COLUMNS), (r) => r.index_name);

  const primaryKeyOf = (table: string) =>
    (columns.get(table) ?? []).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);

  const schema = emptySchema("sqlite");
  schema.tables = tables.map(({ name, sql }): Table => {
    const parsed = parseCreateTable(sql);
    const pk = primaryKeyOf(name);
    const table: Table = {
      name,
      columns: (columns.get(name) ?? []).filter((c) => c.hidden !== 1).map((row) => {
        const column: Column = { name: row.name, type: row.type, notNull: row.not_null === 1 };
        if (row.dflt_value !== null) column.default = row.dflt_value;
        const details = parsed.columns.get(row.name);
        if (details?.autoincrement) column.autoincrement = true;
        if (details?.generated) column.generated = details.generated;
        return column;
      }),
      foreignKeys: [...groupBy(foreignKeys.get(name) ?? [], (r) => r.id).values()].map((rows): ForeignKey => ({
        columns: rows.map((r) => r.from_column),
        references: {
          name: rows[0].ref_table,
          columns: rows[0].to_column === null ? primaryKeyOf(rows[0].ref_table) : rows.map((r) => r.to_column!),
        },
        onDelete: rows[0].on_delete.toLowerCase() as ReferentialAction,
        onUpdate: rows[0].on_update.toLowerCase() as ReferentialAction,
      })),
      uniques: [],
      checks: parsed.checks,
      indexes: [],
    };
    if (pk.length > 0) table.primaryKey = { columns: pk };
    for (const row of indexes.get(name) ?? []) {
      const cols = indexColumns.get(row.name) ?? [];
      if (row.origin === "u") {
        table.uniques.push({ columns: cols.map((c) => c.name!) });
        continue;
      }
      const text = parseCreateIndex(row.sql!);
      const index: Index = {
        name: row.name,
        unique: row.unique === 1,
        columns: cols.map((c, i) => ({
          ...(c.cid === -2 ? { value: text.terms[i], expression: true } : { value: c.name! }),
          ...(c.desc === 1 ? { desc: true } : {}),
        })),
      };
      if (text.where !== undefined) index.where = text.where;
      table.indexes.push(index);
    }
    return table;
  });
  return sortSchema(schema);
}
