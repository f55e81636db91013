// Reads a live database into the schema model with a fixed number of catalog queries.
import {
  emptySchema,
  sortSchema,
  type Column,
  type IntrospectOptions,
  type QualifiedName,
  type ReferentialAction,
  type Schema,
  type Sequence,
  type Table,
} from "@driftwood/schema";
import {
  COLUMNS_SQL,
  CONSTRAINTS_SQL,
  ENUMS_SQL,
  INDEXES_SQL,
  NAMESPACES_SQL,
  SEQUENCES_SQL,
  TABLES_SQL,
} from "./postgres-catalog.ts";

/** What introspection needs of a connection. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string): Promise<Row[]>;
}

interface ColumnRow {
  schema: string;
  table: string;
  name: string;
  type: string;
  type_name: string;
  type_schema: string;
  element_name: string | null;
  element_schema: string | null;
  dimensions: number;
  not_null: boolean;
  default: string | null;
  identity: string;
  generated: string;
}

interface ConstraintRow {
  schema: string;
  table: string;
  name: string;
  type: "p" | "f" | "u" | "c";
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[];
  on_delete: string;
  on_update: string;
  definition: string;
  nulls_not_distinct: boolean;
}

interface IndexRow {
  schema: string;
  table: string;
  name: string;
  unique: boolean;
  method: string;
  where: string | null;
  expression: boolean;
  value: string;
  desc: boolean;
  nulls_first: boolean;
  opclass: string | null;
}

interface SequenceRow {
  schema: string;
  name: string;
  increment: string;
  min_value: string;
  max_value: string;
  start: string;
  cache: string;
  cycle: boolean;
  owner_schema: string | null;
  owner_table: string | null;
  owner_column: string | null;
  owner_kind: "a" | "i" | null;
}

const ACTIONS: Record<string, ReferentialAction> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

const schemaOf = (name: string | null): string | undefined => (name === null || name === "public" ? undefined : name);
const tableKey = (schema: string | null, table: string) => `${schema}\u0000${table}`;

/** The tables `introspectPostgres` reads, names only. */
export async function tableNamesPostgres(db: Queryable): Promise<QualifiedName[]> {
  const rows = await db.query<{ schema: string; name: string }>(TABLES_SQL);
  return rows.map((r) => ({ schema: schemaOf(r.schema), name: r.name }));
}

/** The database as a schema model (not yet normalized). */
export async function introspectPostgres(db: Queryable, options: IntrospectOptions = {}): Promise<Schema> {
  // One after the other: a connection runs one query at a time anyway.
  const namespaces = await db.query<{ name: string }>(NAMESPACES_SQL);
  const columns = await db.query<ColumnRow>(COLUMNS_SQL);
  const constraints = await db.query<ConstraintRow>(CONSTRAINTS_SQL);
  const indexes = await db.query<IndexRow>(INDEXES_SQL);
  const enums = await db.query<{ schema: string; name: string; values: string[] }>(ENUMS_SQL);
  const sequences = await db.query<SequenceRow>(SEQUENCES_SQL);
  const include = options.include ?? (() => true);
  const schema = emptySchema("postgresql");
  schema.namespaces = namespaces.map((n) => n.name).filter((n) => n !== "public");
  schema.enums = enums.map((e) => ({ schema: schemaOf(e.schema), name: e.name, values: e.values }));

  const tables = new Map<string, Table>();
  for (const row of columns) {
    const key = tableKey(row.schema, row.table);
    let table = tables.get(key);
    if (!table) {
      const name: QualifiedName = { schema: schemaOf(row.schema), name: row.table };
      if (!include(name)) continue;
      table = { ...name, columns: [], foreignKeys: [], uniques: [], checks: [], indexes: [] };
      tables.set(key, table);
    }
    table.columns.push(columnFromRow(row));
  }

  for (const row of sequences) {
    const options = {
      increment: row.increment,
      minValue: row.min_value,
      maxValue: row.max_value,
      start: row.start,
      cache: row.cache,
      cycle: row.cycle,
    };
    if (row.owner_kind === null) {
      schema.sequences.push({ schema: schemaOf(row.schema), name: row.name, ...options } satisfies Sequence);
      continue;
    }
    const column = tables.get(tableKey(row.owner_schema, row.owner_table!))?.columns.find((c) => c.name === row.owner_column);
    if (row.owner_kind === "i" && column?.identity) Object.assign(column.identity, { sequenceName: row.name, ...options });
    // A serial's sequence ('a') belongs to its column: normalization turns the column into `serial`.
  }

  for (const row of constraints) {
    const table = tables.get(tableKey(row.schema, row.table));
    if (!table) continue;
    if (row.type === "p") table.primaryKey = { name: row.name, columns: row.columns };
    else if (row.type === "u") {
      table.uniques.push(
        row.nulls_not_distinct
          ? { name: row.name, columns: row.columns, nullsNotDistinct: true }
          : { name: row.name, columns: row.columns },
      );
    } else if (row.type === "c") table.checks.push({ name: row.name, expression: checkExpression(row.definition) });
    else {
      table.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        references: { schema: schemaOf(row.ref_schema), name: row.ref_table!, columns: row.ref_columns },
        onDelete: ACTIONS[row.on_delete],
        onUpdate: ACTIONS[row.on_update],
      });
    }
  }

  for (const row of indexes) {
    const table = tables.get(tableKey(row.schema, row.table));
    if (!table) continue;
    let index = table.indexes.find((i) => i.name === row.name);
    if (!index) {
      index = { name: row.name, columns: [], unique: row.unique, method: row.method, where: row.where ?? undefined };
      table.indexes.push(index);
    }
    index.columns.push({
      value: row.value,
      expression: row.expression || undefined,
      desc: row.desc || undefined,
      nulls: row.nulls_first === row.desc ? undefined : row.nulls_first ? "first" : "last",
      opclass: row.opclass ?? undefined,
    });
  }

  schema.tables = [...tables.values()];
  return sortSchema(schema);
}

function columnFromRow(row: ColumnRow): Column {
  const array = row.element_name !== null;
  const userSchema = array ? row.element_schema! : row.type_schema;
  const builtin = userSchema === "pg_catalog";
  const column: Column = {
    name: row.name,
    type: builtin ? row.type.replace(/(\[\])+$/, "") : array ? row.element_name! : row.type_name,
    typeSchema: builtin ? undefined : schemaOf(userSchema),
    dimensions: array ? Math.max(row.dimensions, 1) : undefined,
    notNull: row.not_null,
    default: row.default ?? undefined,
  };
  if (row.identity !== "") column.identity = { always: row.identity === "a" };
  if (row.generated === "s") {
    column.generated = { expression: row.default!, stored: true };
    delete column.default;
  }
  return column;
}

/** `CHECK ((price > 0))` → `(price > 0)`; normalization removes the outer parentheses. */
function checkExpression(definition: string): string {
  return definition.replace(/^CHECK\s*/, "").replace(/\s+NOT VALID$/, "");
}
