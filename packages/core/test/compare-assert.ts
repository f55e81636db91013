// Shared fixtures and the round-trip assertion of the comparator tests.
import assert from "node:assert/strict";
import {
  applyOps,
  invertAll,
  sortSchema,
  type Capabilities,
  type Column,
  type Schema,
  type Table,
} from "@driftwood/schema";
import { postgresDialect } from "@driftwood/dialect-postgres";
import { sqliteDialect } from "@driftwood/dialect-sqlite";
import { compare, type CompareOptions, type Diff } from "../src/compare/index.ts";

export const postgresCapabilities: Capabilities = postgresDialect.capabilities;
export const sqliteCapabilities: Capabilities = sqliteDialect.capabilities;

export function col(name: string, type = "integer", extra: Partial<Column> = {}): Column {
  return { name, type, notNull: false, ...extra };
}

export function table(name: string, columns: Column[], extra: Partial<Table> = {}): Table {
  return { name, columns, foreignKeys: [], uniques: [], checks: [], indexes: [], ...extra };
}

export function schema(tables: Table[], extra: Partial<Schema> = {}): Schema {
  return sortSchema({ dialect: "postgresql", namespaces: [], enums: [], sequences: [], tables, ...extra });
}

/**
 * Compares, then checks what every diff must satisfy: applying its ops to `actual` leaves
 * nothing to change, and the downgrade (`invertAll`) applied after it gives back `actual`.
 */
export function diffChecked(actual: Schema, desired: Schema, options: Partial<CompareOptions> = {}): Diff {
  const full = { capabilities: postgresCapabilities, ...options };
  const diff = compare(actual, desired, full);
  const upgraded = applyOps(actual, diff.ops);
  assert.deepEqual(compare(upgraded, desired, { capabilities: full.capabilities }).ops, [], "ops left after applying the diff");
  const downgraded = applyOps(upgraded, invertAll(diff.ops));
  assert.deepEqual(compare(downgraded, actual, { capabilities: full.capabilities, renames: "none" }).ops, [], "downgrade differs from actual");
  assert.deepEqual(columnOrderFree(downgraded), columnOrderFree(actual), "downgrade is not deep-equal to actual");
  return diff;
}

/** A dropped and re-added column comes back last: column order is not something a diff restores. */
function columnOrderFree(s: Schema): Schema {
  const byName = (a: Column, b: Column) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return sortSchema({ ...s, tables: s.tables.map((t) => ({ ...t, columns: [...t.columns].sort(byName) })) });
}

export const kinds = (diff: Diff) => diff.ops.map((op) => op.kind);
