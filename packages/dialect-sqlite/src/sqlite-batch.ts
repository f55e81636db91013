import { applyOp, sameName, type Column, type Op, type Schema, type Table } from "@driftwood/schema";
import { createTableSql, quote, tableIndexes } from "./sqlite-sql.ts";

/** Ops that change one existing table. */
export type TableOp = Extract<Op, { table: string }>;

export function findTable(schema: Schema, op: { schema?: string; table: string }): Table {
  const table = schema.tables.find((t) => sameName(t, { schema: op.schema, name: op.table }));
  if (!table) throw new Error(`${schema.dialect}: no table ${op.table} to change`);
  return table;
}

/** What a column of the new table is filled with from the old one. */
function copyExpression(before: Column, after: Column): string {
  let value = quote(before.name);
  if (before.type !== after.type) value = `CAST(${value} AS ${after.type})`;
  if (after.notNull && !before.notNull && after.default !== undefined) value = `COALESCE(${value}, ${after.default})`;
  return value;
}

/**
 * SQLite's "table recreate" for what ALTER TABLE cannot do: create `__new_<table>` in the
 * shape after `op`, copy the rows, drop the old table, rename the new one, recreate the indexes.
 * Foreign keys must be off meanwhile (the connection's `transaction` sees to it).
 */
export function recreateTable(op: TableOp, before: Schema): string[] {
  const old = findTable(before, op);
  const table = findTable(applyOp(before, op), op);
  const temp = `__new_${table.name}`;
  const copied = table.columns.flatMap((after) => {
    const from = old.columns.find((c) => c.name === after.name);
    return from && !after.generated && !from.generated ? [{ name: after.name, value: copyExpression(from, after) }] : [];
  });
  return [
    createTableSql(table, temp),
    `INSERT INTO ${quote(temp)} (${copied.map((c) => quote(c.name)).join(", ")}) ` +
      `SELECT ${copied.map((c) => c.value).join(", ")} FROM ${quote(old.name)}`,
    `DROP TABLE ${quote(old.name)}`,
    `ALTER TABLE ${quote(temp)} RENAME TO ${quote(table.name)}`,
    ...tableIndexes(table),
  ];
}
