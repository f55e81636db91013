import { sortSchema, type Column, type Index, type Schema, type Table } from "@driftwood/schema";
import { canonicalSpacing, withoutQualifier } from "./sqlite-ddl-parse.ts";
import { uniqueAsIndex } from "./sqlite-sql.ts";

/**
 * The canonical SQLite schema. Unique constraints become the unique indexes that hold them
 * (drizzle-kit creates them so, and SQLite cannot drop an inline one); names SQLite does not
 * keep reliably (primary keys, foreign keys, checks) are dropped; a primary key column is NOT NULL;
 * a check, index or generated expression loses its own table's qualifier (`"t"."c"` is `"c"`).
 */
export function normalizeSqlite(schema: Schema): Schema {
  return sortSchema({ ...schema, tables: schema.tables.map(normalizeTable) });
}

function normalizeTable(t: Table): Table {
  const pk = t.primaryKey?.columns ?? [];
  const expression = (sql: string) => canonicalSpacing(withoutQualifier(sql, t.name));
  const table: Table = {
    name: t.name,
    columns: t.columns.map((c) => normalizeColumn(c, pk, expression)),
    foreignKeys: t.foreignKeys.map(({ name: _, ...fk }) => ({
      ...fk,
      onDelete: fk.onDelete.toLowerCase() as typeof fk.onDelete,
      onUpdate: fk.onUpdate.toLowerCase() as typeof fk.onUpdate,
    })),
    uniques: [],
    checks: t.checks.map((c) => ({ expression: expression(c.expression) })),
    indexes: [...t.uniques.map((u) => uniqueAsIndex(t.name, u)), ...t.indexes].map((i) => normalizeIndex(i, expression)),
  };
  if (t.schema !== undefined && t.schema !== "main") table.schema = t.schema;
  if (t.primaryKey) table.primaryKey = { columns: [...pk] };
  return table;
}

function normalizeColumn(c: Column, pk: string[], expression: (sql: string) => string): Column {
  const column: Column = { name: c.name, type: normalizeType(c.type), notNull: c.notNull || pk.includes(c.name) };
  if (c.default !== undefined) column.default = normalizeDefault(c.default);
  // AUTOINCREMENT exists only on a one-column INTEGER PRIMARY KEY.
  if (c.autoincrement && pk.length === 1 && pk[0] === c.name) column.autoincrement = true;
  if (c.generated) column.generated = { expression: unwrap(expression(c.generated.expression)), stored: c.generated.stored };
  return column;
}

function normalizeIndex(i: Index, expression: (sql: string) => string): Index {
  const index: Index = {
    name: i.name,
    unique: i.unique,
    columns: i.columns.map((c) => ({
      value: c.expression ? expression(c.value) : c.value,
      ...(c.expression ? { expression: true } : {}),
      ...(c.desc ? { desc: true } : {}),
    })),
  };
  if (i.where !== undefined) index.where = expression(i.where);
  return index;
}

/** `VARCHAR (20)` → `varchar(20)`, `numeric(10, 2)` → `numeric(10,2)`. */
export function normalizeType(type: string): string {
  return type.trim().toLowerCase().replace(/\s+/g, " ").replace(/\s*\(\s*/g, "(").replace(/\s*,\s*/g, ",").replace(/\s*\)/g, ")");
}

const KEYWORD_DEFAULTS: Record<string, string> = {
  true: "1",
  false: "0",
  current_timestamp: "CURRENT_TIMESTAMP",
  current_date: "CURRENT_DATE",
  current_time: "CURRENT_TIME",
  null: "NULL",
};

/**
 * `true` → `1`, `(0)` → `0`, keywords in one case, any other expression in one pair of
 * parentheses (SQLite reports `DEFAULT (unixepoch())` as `unixepoch()`, which DEFAULT refuses).
 */
export function normalizeDefault(value: string): string {
  const inner = unwrap(canonicalSpacing(value.trim()));
  if (/^(?:[-+]?[0-9.]+(?:e[-+]?[0-9]+)?|'(?:[^']|'')*'|x'[0-9a-f]*')$/i.test(inner)) return inner;
  return KEYWORD_DEFAULTS[inner.toLowerCase()] ?? `(${inner})`;
}

/** `text` without one pair of parentheses around all of it. */
function unwrap(text: string): string {
  if (!text.startsWith("(") || !text.endsWith(")")) return text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    if (text[i] === ")") depth--;
    if (depth === 0 && i < text.length - 1) return text;
  }
  return text.slice(1, -1).trim();
}
