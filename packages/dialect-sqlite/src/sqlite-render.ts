import type { Column, Index, Op, OpKind, OpOf, Schema, Statement, Table } from "@driftwood/schema";
import { findTable, recreateTable, type TableOp } from "./sqlite-batch.ts";
import { normalizeSqlite } from "./sqlite-normalize.ts";
import { columnSql, createIndexSql, createTableSql, quote, tableIndexes, uniqueAsIndex, uniqueName } from "./sqlite-sql.ts";

type Renderer<K extends OpKind> = (op: OpOf<K>, before: Schema) => string[];

const unsupported = (what: string) => () => {
  throw new Error(`SQLite has no ${what}: remove this op from the migration`);
};

/** ALTER TABLE ADD COLUMN refuses keys, non-constant defaults, NOT NULL without default, stored columns. */
function canAddColumn(c: Column): boolean {
  if (c.generated?.stored) return false;
  if (c.notNull && (c.default === undefined || /^null$/i.test(c.default))) return false;
  return c.default === undefined || !/^\(|^current_/i.test(c.default.trim());
}

/** ALTER TABLE DROP COLUMN refuses a column that a key, index, check or generated column uses. */
function canDropColumn(t: Table, name: string): boolean {
  const expressions = [
    ...t.checks.map((c) => c.expression),
    ...t.columns.flatMap((c) => (c.generated ? [c.generated.expression] : [])),
    ...t.indexes.flatMap((i) => [...i.columns.filter((c) => c.expression).map((c) => c.value), i.where ?? ""]),
  ];
  return !(
    t.primaryKey?.columns.includes(name) ||
    t.foreignKeys.some((f) => f.columns.includes(name)) ||
    t.uniques.some((u) => u.columns.includes(name)) ||
    t.indexes.some((i) => i.columns.some((c) => !c.expression && c.value === name)) ||
    expressions.some((e) => e.includes(name))
  );
}

/**
 * A unique index under the name drizzle gives a unique constraint may be an inline `UNIQUE`
 * of a hand-written table, which introspects the same but which DROP INDEX cannot remove.
 */
function mayBeInlineUnique(table: string, index: Index): boolean {
  const columns = index.columns.map((c) => c.value);
  return index.unique && index.columns.every((c) => !c.expression) && index.name === uniqueName(table, { columns });
}

/** In the normalized schema a unique constraint is an index, so one drop covers both forms. */
const dropIndex = (op: TableOp, index: Index, before: Schema) =>
  mayBeInlineUnique(op.table, index)
    ? recreateTable({ kind: "dropIndex", schema: op.schema, table: op.table, index }, normalizeSqlite(before))
    : [`DROP INDEX ${quote(index.name)}`];

const renderers: { [K in OpKind]: Renderer<K> } = {
  createSchema: unsupported("schemas"),
  dropSchema: unsupported("schemas"),
  createEnum: unsupported("enums"),
  dropEnum: unsupported("enums"),
  alterEnum: unsupported("enums"),
  createSequence: unsupported("sequences"),
  dropSequence: unsupported("sequences"),
  alterSequence: unsupported("sequences"),
  createTable: (op) => [createTableSql(op.table), ...tableIndexes({ ...op.table, indexes: [] })],
  dropTable: (op) => [`DROP TABLE ${quote(op.table.name)}`],
  renameTable: (op) => [`ALTER TABLE ${quote(op.from)} RENAME TO ${quote(op.to)}`],
  addColumn: (op, before) =>
    canAddColumn(op.column) ? [`ALTER TABLE ${quote(op.table)} ADD COLUMN ${columnSql(op.column, op.table)}`] : recreateTable(op, before),
  dropColumn: (op, before) =>
    canDropColumn(findTable(before, op), op.column.name)
      ? [`ALTER TABLE ${quote(op.table)} DROP COLUMN ${quote(op.column.name)}`]
      : recreateTable(op, before),
  renameColumn: (op) => [`ALTER TABLE ${quote(op.table)} RENAME COLUMN ${quote(op.from)} TO ${quote(op.to)}`],
  alterColumn: recreateTable,
  addPrimaryKey: recreateTable,
  dropPrimaryKey: recreateTable,
  addForeignKey: recreateTable,
  dropForeignKey: recreateTable,
  addCheck: recreateTable,
  dropCheck: recreateTable,
  addUnique: (op) => [createIndexSql(op.table, uniqueAsIndex(op.table, op.unique))],
  dropUnique: (op, before) => dropIndex(op, uniqueAsIndex(op.table, op.unique), before),
  createIndex: (op) => [createIndexSql(op.table, op.index)],
  dropIndex: (op, before) => dropIndex(op, op.index, before),
  execute: (op) => [op.sql],
};

/** The statements for `op`, given the schema just before it. */
export function renderSqlite(op: Op, before: Schema): Statement[] {
  const render = renderers[op.kind] as Renderer<typeof op.kind>;
  return render(op as never, before).map((sql) => ({ sql }));
}
