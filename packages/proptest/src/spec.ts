/**
 * A model spec: the plain data a generated drizzle model module is rendered from. It is kept
 * close to what a person writes with drizzle (column builders, table-level constraints), so
 * one spec renders to one obvious model file, and small enough to read in a shrunk
 * counterexample.
 */
import type { DialectName } from "@driftwood/schema";

/** The column types the generators use, per dialect. */
export type PgColumnType =
  | { kind: "smallint" }
  | { kind: "integer" }
  | { kind: "bigint" }
  | { kind: "serial" }
  | { kind: "text" }
  | { kind: "varchar"; length: number }
  | { kind: "boolean" }
  | { kind: "numeric"; precision: number; scale: number }
  | { kind: "real" }
  | { kind: "doublePrecision" }
  | { kind: "date" }
  | { kind: "timestamp"; withTimezone: boolean }
  | { kind: "uuid" }
  | { kind: "jsonb" }
  /** A value of a spec enum, named by its position-independent name and schema. */
  | { kind: "enum"; enum: string; schema?: string };

export type SqliteColumnType =
  | { kind: "integer" }
  | { kind: "integerBoolean" }
  | { kind: "text" }
  | { kind: "real" }
  /** drizzle's sqlite `numeric()`: NUMERIC affinity, read as a string. */
  | { kind: "numericText" };

export type ColumnType = PgColumnType | SqliteColumnType;
export type ColumnKind = ColumnType["kind"];

/** A default as a value of the column's JS type, or a SQL function drizzle has a builder for. */
export type DefaultSpec =
  | { kind: "value"; value: string | number | boolean }
  | { kind: "now" }
  | { kind: "random" };

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  notNull: boolean;
  default?: DefaultSpec;
  /** PostgreSQL `GENERATED ... AS IDENTITY` on an integer-like column. */
  identity?: "always" | "byDefault";
  /** SQLite `INTEGER PRIMARY KEY AUTOINCREMENT`; only on the single-column primary key. */
  autoincrement?: boolean;
  /** Column-level `.primaryKey()`: the table's one-column primary key. */
  primaryKey?: boolean;
  /** Column-level `.unique()`, with drizzle's derived name. */
  unique?: boolean;
}

export interface PrimaryKeySpec {
  name?: string;
  columns: string[];
}

export interface ForeignKeySpec {
  name?: string;
  columns: string[];
  /** The target table, which comes earlier in `tables` (so rows insert in table order). */
  table: string;
  schema?: string;
  foreignColumns: string[];
  onDelete?: "cascade" | "restrict" | "set null" | "no action";
}

export interface UniqueSpec {
  name?: string;
  columns: string[];
  nullsNotDistinct?: boolean;
}

/** A check over one column; the expression holds for every value the row generator makes. */
export interface CheckSpec {
  name: string;
  column: string;
  rule: "nonNegative" | "nonEmpty";
}

export interface IndexPart {
  /** A column name, or, with `expression`, the column an expression is taken over. */
  column: string;
  /** `lower(col)` for text, `(col + 1)` for numbers. */
  expression?: "lower" | "plusOne";
  desc?: boolean;
}

export interface IndexSpec {
  name: string;
  parts: IndexPart[];
  unique?: boolean;
  /** A partial index over rows where this column is not null. */
  whereNotNull?: string;
}

export interface TableSpec {
  /** PostgreSQL namespace; omitted for `public` (and always on SQLite). */
  schema?: string;
  name: string;
  columns: ColumnSpec[];
  /** A table-level (composite) primary key; a one-column key is `ColumnSpec.primaryKey`. */
  primaryKey?: PrimaryKeySpec;
  foreignKeys: ForeignKeySpec[];
  uniques: UniqueSpec[];
  checks: CheckSpec[];
  indexes: IndexSpec[];
}

export interface EnumSpec {
  schema?: string;
  name: string;
  values: string[];
}

export interface ModelSpec {
  dialect: DialectName;
  /** PostgreSQL namespaces made with `pgSchema`. */
  namespaces: string[];
  enums: EnumSpec[];
  /** Foreign keys point only to earlier tables, so this is also a valid insertion order. */
  tables: TableSpec[];
}

/** Two specs for a migration property: B is A after a few mutations. */
export interface SpecPair {
  a: ModelSpec;
  b: ModelSpec;
}

/** The key a spec uses to tell two tables (or enums) apart. */
export function specKey(x: { schema?: string; name: string }): string {
  return x.schema === undefined ? x.name : `${x.schema}.${x.name}`;
}

export function findTable(spec: ModelSpec, key: { schema?: string; name: string }): TableSpec | undefined {
  return spec.tables.find((t) => t.name === key.name && t.schema === key.schema);
}

export function findColumn(table: TableSpec, name: string): ColumnSpec | undefined {
  return table.columns.find((c) => c.name === name);
}

/** The table's primary key columns, whether declared on a column or on the table. */
export function primaryKeyColumns(table: TableSpec): string[] {
  if (table.primaryKey) return table.primaryKey.columns;
  return table.columns.filter((c) => c.primaryKey).map((c) => c.name);
}

/** Column sets that a foreign key may reference: the primary key and every unique. */
export function referenceableKeys(table: TableSpec): string[][] {
  const keys: string[][] = [];
  const pk = primaryKeyColumns(table);
  if (pk.length > 0) keys.push(pk);
  for (const c of table.columns) if (c.unique) keys.push([c.name]);
  for (const u of table.uniques) if (!u.nullsNotDistinct) keys.push(u.columns);
  return keys;
}
