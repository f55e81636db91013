import { test } from "node:test";
import assert from "node:assert/strict";
import type { Column, Op } from "@driftwood/schema";
import { hazardsOf, hazardsOfOps, type Hazard } from "../src/hazards.ts";
import { col, table } from "./compare-assert.ts";

const kindsOf = (op: Op) => hazardsOf(op).map((h: Hazard) => h.kind);
const alter = (from: Column, to: Column): Op => ({ kind: "alterColumn", table: "users", from, to });

test("dropping a table or a column loses its data, and the downgrade cannot bring it back", () => {
  assert.deepEqual(hazardsOf({ kind: "dropTable", table: table("users", [col("id")]) }), [
    { kind: "data-loss", message: "drops table users and its data" },
    { kind: "irreversible-data", message: "downgrade recreates table users empty: its rows cannot be restored" },
  ]);
  assert.deepEqual(hazardsOf({ kind: "dropColumn", schema: "auth", table: "users", column: col("nickname", "text") }), [
    { kind: "data-loss", message: "drops column auth.users.nickname and its data" },
    { kind: "irreversible-data", message: "downgrade recreates column auth.users.nickname empty: its values cannot be restored" },
  ]);
});

test("creating a table or a nullable column is safe", () => {
  assert.deepEqual(kindsOf({ kind: "createTable", table: table("games", [col("id")]) }), []);
  assert.deepEqual(kindsOf({ kind: "addColumn", table: "games", column: col("winners") }), []);
});

test("a NOT NULL column without a default, added or set on an existing column", () => {
  assert.deepEqual(kindsOf({ kind: "addColumn", table: "t", column: col("a", "integer", { notNull: true }) }), [
    "not-null-without-default",
  ]);
  for (const filled of [{ default: "0" }, { identity: { always: true } }, { generated: { expression: "1", stored: true } }]) {
    assert.deepEqual(kindsOf({ kind: "addColumn", table: "t", column: col("a", "integer", { notNull: true, ...filled }) }), []);
  }
  assert.deepEqual(hazardsOf(alter(col("a"), col("a", "integer", { notNull: true }))), [
    { kind: "not-null-without-default", message: "sets users.a NOT NULL: fails while any row holds NULL there; backfill first" },
  ]);
});

test("narrowing types lose data; every type change but a longer text type rewrites the table", () => {
  const cases: [string, string, string[]][] = [
    ["text", "varchar(20)", ["data-loss", "table-rewrite"]],
    ["bigint", "integer", ["data-loss", "table-rewrite"]],
    ["varchar(50)", "varchar(20)", ["data-loss", "table-rewrite"]],
    ["numeric(10,2)", "numeric(8,2)", ["data-loss", "table-rewrite"]],
    ["double precision", "real", ["data-loss", "table-rewrite"]],
    ["text", "integer", ["data-loss", "table-rewrite"]],
    ["integer", "bigint", ["table-rewrite"]],
    ["integer", "text", ["table-rewrite"]],
    ["varchar(20)", "varchar(50)", []],
    ["varchar(20)", "text", []],
  ];
  for (const [from, to, expected] of cases) {
    assert.deepEqual(kindsOf(alter(col("a", from), col("a", to))), expected, `${from} -> ${to}`);
  }
  assert.equal(
    hazardsOf(alter(col("a", "bigint"), col("a", "integer")))[0].message,
    "narrows users.a from bigint to integer: values that do not fit are lost or make it fail",
  );
  assert.equal(
    hazardsOf(alter(col("a", "bigint"), col("a", "integer")))[1].message,
    "changing the type of users.a rewrites the table and locks it meanwhile",
  );
  assert.deepEqual(kindsOf(alter(col("a", "text", { dimensions: 1 }), col("a", "text"))), ["data-loss", "table-rewrite"]);
  assert.deepEqual(kindsOf(alter(col("a", "text"), col("a", "text", { default: "'x'" }))), []);
});

test("removing enum values loses the rows' values; adding one does not", () => {
  assert.deepEqual(hazardsOf({ kind: "alterEnum", name: "mood", from: ["sad", "ok"], to: ["ok"] }), [
    { kind: "data-loss", message: "removes 'sad' from enum mood: rows holding it must change first" },
  ]);
  assert.deepEqual(kindsOf({ kind: "alterEnum", name: "mood", from: ["ok"], to: ["ok", "sad"] }), []);
});

test("an index built without concurrently locks writes, except on a table the same migration creates", () => {
  const index = { name: "t_a_idx", columns: [{ value: "a" }], unique: false };
  const create: Op = { kind: "createIndex", table: "t", index };
  assert.deepEqual(hazardsOf(create), [{ kind: "lock", message: "locks writes to t while the index t_a_idx builds" }]);
  assert.deepEqual(kindsOf({ ...create, index: { ...index, concurrently: true } }), []);
  const fresh: Op[] = [{ kind: "createTable", table: table("t", [col("a")]) }, create];
  assert.deepEqual(hazardsOfOps(fresh).map((hs) => hs.map((h) => h.kind)), [[], []]);
  assert.deepEqual(hazardsOfOps([create]).map((hs) => hs.map((h) => h.kind)), [["lock"]]);
});

test("constraints added to an existing table lock it while they build or check, not on a new table", () => {
  const ops: Op[] = [
    { kind: "addCheck", table: "t", check: { expression: "a > 0" } },
    { kind: "addUnique", table: "t", unique: { columns: ["a"] } },
    { kind: "addPrimaryKey", table: "t", primaryKey: { columns: ["a"] } },
    { kind: "addForeignKey", table: "t", foreignKey: { columns: ["a"], references: { name: "u", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" } },
  ];
  assert.deepEqual(hazardsOf(ops[0]), [{ kind: "lock", message: "checks every existing row of t, blocking writes meanwhile" }]);
  assert.deepEqual(hazardsOf(ops[1]), [{ kind: "lock", message: "locks writes to t while the index of the new constraint builds" }]);
  assert.deepEqual(hazardsOfOps(ops).map((hs) => hs.map((h) => h.kind)), [["lock"], ["lock"], ["lock"], ["lock"]]);
  const withTable = hazardsOfOps([{ kind: "createTable", table: table("t", [col("a")]) }, ...ops]);
  assert.deepEqual(withTable.slice(1), [[], [], [], []]);
});

test("a changed generated expression rewrites the table", () => {
  const generated = (expression: string) => col("g", "integer", { generated: { expression, stored: true } });
  assert.deepEqual(kindsOf(alter(generated("a + 1"), generated("a + 2"))), ["table-rewrite"]);
  assert.deepEqual(kindsOf(alter(generated("a + 1"), generated("a + 1"))), []);
});

test("renames and drops of constraints carry no hazard", () => {
  assert.deepEqual(kindsOf({ kind: "renameColumn", table: "t", from: "a", to: "b", inferred: true }), []);
  assert.deepEqual(kindsOf({ kind: "dropCheck", table: "t", check: { expression: "a > 0" } }), []);
});
