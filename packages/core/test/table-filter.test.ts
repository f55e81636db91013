import { test } from "node:test";
import assert from "node:assert/strict";
import { emptySchema, type Table } from "@driftwood/schema";
import { filterSchema, globToRegExp } from "../src/table-filter.ts";

const table = (name: string, references?: string): Table => ({
  name,
  columns: [{ name: "id", type: "integer", notNull: true }],
  foreignKeys: references
    ? [{ columns: ["id"], references: { name: references, columns: ["id"] }, onDelete: "no action", onUpdate: "no action" }]
    : [],
  uniques: [],
  checks: [],
  indexes: [],
});

test("an ignored table takes the foreign keys that point at it along", () => {
  const schema = { ...emptySchema("postgresql"), tables: [table("jobs"), table("runs", "jobs"), table("users")] };
  const filtered = filterSchema(schema, (t) => t.name !== "jobs");
  assert.deepEqual(filtered.tables.map((t) => t.name), ["runs", "users"]);
  assert.deepEqual(filtered.tables[0]!.foreignKeys, []);
});

test("globs: * stays within a name part, ** crosses it, regex characters are literal", () => {
  assert.ok(globToRegExp("app_*").test("app_jobs"));
  assert.ok(!globToRegExp("*").test("audit.log"));
  assert.ok(globToRegExp("**").test("audit.log"));
  assert.ok(globToRegExp("a+b?").test("a+bc"));
  assert.ok(!globToRegExp("a+b").test("aab"));
});
