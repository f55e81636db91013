import { test } from "node:test";
import assert from "node:assert/strict";
import { applyOps, emptySchema, invertAll, sortOps, type Op, type Table } from "../src/index.ts";

const users: Table = {
  name: "users",
  columns: [{ name: "id", type: "integer", notNull: true }],
  primaryKey: { columns: ["id"] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
};

test("applying ops then their inverse gives back the start", () => {
  const start = applyOps(emptySchema("sqlite"), [{ kind: "createTable", table: users }]);
  const ops: Op[] = sortOps([
    { kind: "createIndex", table: "users", index: { name: "users_email_idx", unique: true, columns: [{ value: "email" }] } },
    { kind: "addColumn", table: "users", column: { name: "email", type: "text", notNull: false } },
    { kind: "renameColumn", table: "users", from: "id", to: "user_id" },
  ]);
  assert.deepEqual(ops.map((o) => o.kind), ["renameColumn", "addColumn", "createIndex"]);
  const end = applyOps(start, ops);
  assert.deepEqual(end.tables[0].columns.map((c) => c.name), ["user_id", "email"]);
  assert.deepEqual(end.tables[0].primaryKey?.columns, ["user_id"]);
  assert.deepEqual(applyOps(end, invertAll(ops)), start);
});

test("raw SQL without its reverse cannot be inverted", () => {
  assert.throws(() => invertAll([{ kind: "execute", sql: "UPDATE t SET a = 1" }]), /cannot be undone/);
});
