import type { Column, ForeignKey, Index, Table, Unique } from "@driftwood/schema";
import { withoutQualifier } from "./sqlite-ddl-parse.ts";

/** The dialect's one identifier-quoting function. */
export function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const list = (names: readonly string[]) => names.map(quote).join(", ");

/** A column definition; `inlinePrimaryKey` when the table's key is this one column. */
export function columnSql(column: Column, table: string, inlinePrimaryKey = false): string {
  const parts = [quote(column.name), column.type];
  if (inlinePrimaryKey) parts.push(column.autoincrement ? "PRIMARY KEY AUTOINCREMENT" : "PRIMARY KEY");
  if (column.notNull) parts.push("NOT NULL");
  if (column.default !== undefined) parts.push(`DEFAULT ${column.default}`);
  if (column.generated) {
    parts.push(`GENERATED ALWAYS AS (${withoutQualifier(column.generated.expression, table)}) ${column.generated.stored ? "STORED" : "VIRTUAL"}`);
  }
  return parts.join(" ");
}

function foreignKeySql(fk: ForeignKey): string {
  return (
    `FOREIGN KEY (${list(fk.columns)}) REFERENCES ${quote(fk.references.name)} (${list(fk.references.columns)})` +
    ` ON UPDATE ${fk.onUpdate.toUpperCase()} ON DELETE ${fk.onDelete.toUpperCase()}`
  );
}

/**
 * CREATE TABLE for `table` under the name `name`, with its primary key, foreign keys and checks.
 * Unique constraints and indexes are separate statements (`tableIndexes`).
 */
export function createTableSql(table: Table, name = table.name): string {
  const pk = table.primaryKey?.columns;
  const inlinePk = pk?.length === 1 ? pk[0] : undefined;
  const lines = table.columns.map((c) => columnSql(c, table.name, c.name === inlinePk));
  if (pk && pk.length > 1) lines.push(`PRIMARY KEY (${list(pk)})`);
  lines.push(...table.foreignKeys.map(foreignKeySql));
  lines.push(...table.checks.map((c) => `CHECK (${withoutQualifier(c.expression, table.name)})`));
  return `CREATE TABLE ${quote(name)} (\n\t${lines.join(",\n\t")}\n)`;
}

/** The name drizzle gives a unique constraint that has none. */
export function uniqueName(table: string, unique: Unique): string {
  return unique.name ?? `${table}_${unique.columns.join("_")}_unique`;
}

/** A unique constraint as the unique index that holds it (drizzle-kit's form on SQLite). */
export function uniqueAsIndex(table: string, unique: Unique): Index {
  return { name: uniqueName(table, unique), unique: true, columns: unique.columns.map((value) => ({ value })) };
}

export function createIndexSql(table: string, index: Index): string {
  const terms = index.columns.map((c) => (c.expression ? c.value : quote(c.value)) + (c.desc ? " DESC" : ""));
  const where = index.where ? ` WHERE ${index.where}` : "";
  return `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${quote(index.name)} ON ${quote(table)} (${terms.join(", ")})${where}`;
}

/** Every index of `table`, its unique constraints included, as CREATE INDEX statements. */
export function tableIndexes(table: Table): string[] {
  return [...table.uniques.map((u) => uniqueAsIndex(table.name, u)), ...table.indexes].map((i) =>
    createIndexSql(table.name, i),
  );
}
