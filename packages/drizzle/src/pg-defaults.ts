// Model defaults as SQL text, written exactly as drizzle-kit's PostgreSQL serializer writes them
// (drizzle-kit src/serializer/pgSerializer.ts), so a database built by `drizzle-kit push` and
// the models agree before normalization.
import type { PgColumn, PgDialect } from "drizzle-orm/pg-core";
import { orm } from "./orm.ts";

export function pgDefaultSql(column: PgColumn, dialect: PgDialect): string | undefined {
  const value: unknown = column.default;
  if (value === undefined) return undefined;
  const { is, SQL } = orm();
  if (is(value, SQL)) return dialect.sqlToQuery(value).sql;
  if (typeof value === "string") return `'${escapeQuotes(value)}'`;
  const type = column.getSQLType().toLowerCase();
  if (type === "jsonb" || type === "json") return `'${JSON.stringify(value)}'::${type}`;
  if (value instanceof Date) return `'${dateText(value, type)}'`;
  if (/\[\d*\]/.test(type) && Array.isArray(value)) return `'${arrayLiteral(value, type.split("[")[0])}'`;
  return String(value);
}

function escapeQuotes(text: string): string {
  return text.replace(/'/g, "''");
}

function dateText(value: Date, type: string): string {
  const iso = value.toISOString();
  if (type === "date") return iso.split("T")[0];
  if (type === "timestamp") return iso.replace("T", " ").slice(0, 23);
  return iso;
}

function arrayLiteral(values: unknown[], baseType: string): string {
  const items = values.map((v) => {
    if (typeof v === "number" || typeof v === "bigint") return v.toString();
    if (typeof v === "boolean") return v ? "true" : "false";
    if (Array.isArray(v)) return arrayLiteral(v, baseType);
    if (v instanceof Date) return `"${dateText(v, baseType)}"`;
    if (typeof v === "object") return `"${JSON.stringify(v).replaceAll('"', '\\"')}"`;
    return `"${String(v)}"`;
  });
  return `{${items.join(",")}}`;
}
