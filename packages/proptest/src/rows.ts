/**
 * Rows valid under a spec, and their insertion and reading through drizzle-orm's query
 * builder (no SQL). Values depend only on the column's type family and the row number, so
 * keys are distinct across rows and a foreign key's values equal the referenced row's.
 */
import { asc, getTableColumns, is } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { findColumn, findTable, primaryKeyColumns, specKey, type ColumnSpec, type ColumnType, type ModelSpec, type TableSpec } from "./spec.ts";

/** A row keyed by column name (the rendered models use column names as property keys). */
export type Row = Record<string, unknown>;

export interface TableRows {
  table: TableSpec;
  rows: Row[];
}

/**
 * `count` rows per table (at most 28), in insertion order. With `alsoValidUnder`, the rows
 * also satisfy that spec for the columns both have: NOT NULL there means no NULL here, and a
 * column a foreign key there references holds no NULL. Columns drawn from an `ALWAYS` identity
 * are left to the database. The last row holds NULL in every other nullable column.
 */
export function rowsFor(spec: ModelSpec, count = 3, alsoValidUnder?: ModelSpec): TableRows[] {
  const specs = alsoValidUnder ? [spec, alsoValidUnder] : [spec];
  const referenced = new Set(
    specs.flatMap((s) => s.tables.flatMap((t) => t.foreignKeys.flatMap((f) => f.foreignColumns.map((c) => `${specKey({ schema: f.schema, name: f.table })}\u0000${c}`)))),
  );
  return spec.tables.map((table) => {
    const mayBeNull = (c: ColumnSpec) =>
      !referenced.has(`${specKey(table)}\u0000${c.name}`) &&
      !primaryKeyColumns(table).includes(c.name) &&
      specs.every((s) => {
        const t = findTable(s, table);
        const other = t && findColumn(t, c.name);
        return !other || !other.notNull;
      });
    const rows = Array.from({ length: count }, (_, i) => {
      const row: Row = {};
      for (const c of table.columns) {
        if (c.identity === "always") continue;
        row[c.name] = count > 1 && i === count - 1 && mayBeNull(c) ? null : valueFor(c.type, i, spec);
      }
      return row;
    });
    return { table, rows };
  });
}

/** The value of row `i` for a column of type `t`: one function per type family. */
export function valueFor(t: ColumnType, i: number, spec: ModelSpec): unknown {
  switch (t.kind) {
    case "smallint":
    case "integer":
    case "bigint":
    case "serial":
      return i + 1;
    case "text":
    case "varchar":
      return `r${i}'é"`;
    case "boolean":
    case "integerBoolean":
      return i % 2 === 0;
    case "numeric":
      return (i + 1).toFixed(t.scale);
    case "numericText":
      return `${i + 1}.5`;
    case "real":
    case "doublePrecision":
      return i + 0.5;
    case "date":
      return `2024-01-${String(i + 1).padStart(2, "0")}`;
    case "timestamp":
      return new Date(Date.UTC(2024, 0, i + 1, 12, 30, 0));
    case "uuid":
      return `00000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, "0")}`;
    case "jsonb":
      return { n: i, s: `it's "${i}"` };
    case "enum": {
      const e = spec.enums.find((x) => x.name === t.enum && x.schema === t.schema)!;
      return e.values[i % e.values.length];
    }
  }
}

export type ModelDb = NodePgDatabase | BetterSQLite3Database;
type ModelTable = PgTable | SQLiteTable;
/** A model module's tables by spec key. */
export type ModelTables = Map<string, ModelTable>;

/** The drizzle tables of an imported model module, by spec key (`schema.name` or `name`). */
export function modelTables(module: Record<string, unknown>): ModelTables {
  const tables = new Map<string, ModelTable>();
  for (const value of Object.values(module)) {
    if (is(value, PgTable)) {
      const c = pgConfig(value);
      tables.set(specKey({ schema: c.schema, name: c.name }), value);
    } else if (is(value, SQLiteTable)) {
      tables.set(sqliteConfig(value).name, value);
    }
  }
  return tables;
}

function tableOf(tables: ModelTables, table: TableSpec): ModelTable {
  const t = tables.get(specKey(table));
  if (!t) throw new Error(`Table ${specKey(table)} is not in the model module: render the spec the rows were made for.`);
  return t;
}

/** Inserts the rows, table by table in order, through drizzle's `insert`. */
export async function insertRows(db: ModelDb, tables: ModelTables, data: TableRows[]): Promise<void> {
  for (const { table, rows } of data) {
    if (rows.length === 0) continue;
    const t = tableOf(tables, table);
    // One statement per row keeps the insertion order an ALWAYS identity numbers by.
    for (const row of rows) {
      if (is(t, PgTable)) await (db as NodePgDatabase).insert(t).values(row as never);
      else (db as BetterSQLite3Database).insert(t).values(row as never).run();
    }
  }
}

/**
 * Reads every row of the spec's tables through drizzle's `select`, ordered by every column,
 * keyed by column name: equal data reads back deep-equal.
 */
export async function readRows(db: ModelDb, tables: ModelTables, spec: ModelSpec): Promise<TableRows[]> {
  const out: TableRows[] = [];
  for (const table of spec.tables) {
    const t = tableOf(tables, table);
    const order = Object.values(getTableColumns(t)).map((c) => asc(c));
    const rows = is(t, PgTable)
      ? await (db as NodePgDatabase).select().from(t).orderBy(...order)
      : (db as BetterSQLite3Database).select().from(t).orderBy(...order).all();
    out.push({ table, rows: rows as Row[] });
  }
  return out;
}
