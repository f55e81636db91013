/**
 * The normalized schema model. The drizzle loader and every dialect's introspector produce it;
 * the comparator reads it; nothing in it knows about drivers, files or SQL rendering.
 *
 * Every name is the real, unquoted identifier. Lists are kept in a canonical order by
 * `sortSchema` so that two equal schemas are deep-equal.
 */

export type DialectName = "postgresql" | "sqlite";

/** Where a table, enum or sequence lives. `schema` is omitted for the dialect's default (PostgreSQL `public`, SQLite `main`). */
export interface QualifiedName {
  schema?: string;
  name: string;
}

export interface Schema {
  dialect: DialectName;
  /** PostgreSQL namespaces other than `public` and the system ones. */
  namespaces: string[];
  enums: Enum[];
  sequences: Sequence[];
  tables: Table[];
}

export interface Enum extends QualifiedName {
  /** In declaration order: the order is part of the type. */
  values: string[];
}

export interface SequenceOptions {
  /** Each field is filled in by the dialect's normalizer, so an omitted option compares equal to its default. */
  increment?: string;
  minValue?: string;
  maxValue?: string;
  start?: string;
  cache?: string;
  cycle?: boolean;
}

export interface Sequence extends QualifiedName, SequenceOptions {}

export interface Table extends QualifiedName {
  /** In column order. */
  columns: Column[];
  primaryKey?: PrimaryKey;
  foreignKeys: ForeignKey[];
  uniques: Unique[];
  checks: Check[];
  indexes: Index[];
}

export interface Column {
  name: string;
  /**
   * The canonical SQL type as the dialect spells it after normalization, lower case, with its
   * parameters and without array brackets: `integer`, `varchar(20)`, `numeric(10,2)`,
   * `timestamp(3) with time zone`. For an enum or other user-defined type, its bare name, with
   * `typeSchema` set when the type lives outside the default schema.
   */
  type: string;
  typeSchema?: string;
  /** Array dimensions (PostgreSQL `text[]` is 1). Omitted for a scalar. */
  dimensions?: number;
  notNull: boolean;
  /** The default as a normalized SQL expression (`'user'`, `0`, `now()`, `'{}'::text[]`). */
  default?: string;
  /** PostgreSQL `GENERATED ... AS IDENTITY`. */
  identity?: Identity;
  /** `GENERATED ALWAYS AS (expr) STORED` (SQLite may also be `virtual`). */
  generated?: { expression: string; stored: boolean };
  /** SQLite `INTEGER PRIMARY KEY AUTOINCREMENT`. */
  autoincrement?: boolean;
}

export interface Identity extends SequenceOptions {
  always: boolean;
  /** The sequence name, when the dialect can tell it and it differs from the default. */
  sequenceName?: string;
}

export interface PrimaryKey {
  /** Omitted where the dialect does not keep a name (SQLite) or the name is the default one. */
  name?: string;
  columns: string[];
}

export type ReferentialAction = "no action" | "restrict" | "cascade" | "set null" | "set default";

export interface ForeignKey {
  name?: string;
  columns: string[];
  references: QualifiedName & { columns: string[] };
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface Unique {
  name?: string;
  columns: string[];
  /** PostgreSQL 15 `NULLS NOT DISTINCT`. */
  nullsNotDistinct?: boolean;
}

export interface Check {
  name?: string;
  /** The boolean expression, without the surrounding `CHECK (...)`. */
  expression: string;
}

export interface IndexColumn {
  /** A column name, or an expression when `expression` is true. */
  value: string;
  expression?: boolean;
  desc?: boolean;
  /** PostgreSQL: omitted means the default for the direction (last for asc, first for desc). */
  nulls?: "first" | "last";
  opclass?: string;
}

export interface Index {
  name: string;
  columns: IndexColumn[];
  unique: boolean;
  /** Access method; omitted means the dialect's default (btree). */
  method?: string;
  /** Partial index predicate, without `WHERE`. */
  where?: string;
  /** PostgreSQL `CREATE INDEX CONCURRENTLY` (cannot run inside a transaction). */
  concurrently?: boolean;
}

export function emptySchema(dialect: DialectName): Schema {
  return { dialect, namespaces: [], enums: [], sequences: [], tables: [] };
}
