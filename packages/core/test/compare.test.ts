import { test } from "node:test";
import assert from "node:assert/strict";
import { invertAll, sortOps, type Op, type Table } from "@driftwood/schema";
import { compare, createTableOps } from "../src/compare/index.ts";
import { col, diffChecked, kinds, postgresCapabilities, schema, sqliteCapabilities, table } from "./compare-assert.ts";

const users = table("users", [col("id", "integer", { notNull: true }), col("email", "text")], {
  primaryKey: { columns: ["id"] },
  uniques: [{ name: "users_email_key", columns: ["email"] }],
  indexes: [{ name: "users_email_idx", columns: [{ value: "email" }], unique: false }],
});

const posts = table("posts", [col("id", "integer", { notNull: true }), col("author_id", "integer", { notNull: true })], {
  primaryKey: { columns: ["id"] },
  foreignKeys: [
    {
      name: "posts_author_fk",
      columns: ["author_id"],
      references: { name: "users", columns: ["id"] },
      onDelete: "cascade",
      onUpdate: "no action",
    },
  ],
  indexes: [{ name: "posts_author_idx", columns: [{ value: "author_id" }], unique: false }],
});

test("equal schemas give no ops", () => {
  assert.deepEqual(diffChecked(schema([users, posts]), schema([users, posts])).ops, []);
});

test("a new table is created without indexes and foreign keys, which follow as their own ops", () => {
  const diff = diffChecked(schema([users]), schema([users, posts]));
  const { indexes: _i, foreignKeys: _f, ...rest } = posts;
  assert.deepEqual(diff.ops, [
    { kind: "createTable", table: { ...rest, foreignKeys: [], indexes: [] } },
    { kind: "createIndex", table: "posts", index: posts.indexes[0] },
    { kind: "addForeignKey", table: "posts", foreignKey: posts.foreignKeys[0] },
  ]);
});

test("a dropped table gives exactly the inverse of creating it", () => {
  const diff = diffChecked(schema([users, posts]), schema([users]));
  assert.deepEqual(diff.ops, sortOps(invertAll(createTableOps(posts, postgresCapabilities))));
  assert.deepEqual(kinds(diff), ["dropForeignKey", "dropIndex", "dropTable"]);
});

test("without ALTER for foreign keys, a new table carries its foreign keys", () => {
  const diff = diffChecked(schema([users]), schema([users, posts]), { capabilities: sqliteCapabilities });
  assert.deepEqual(kinds(diff), ["createTable", "createIndex"]);
  assert.deepEqual((diff.ops[0] as Extract<Op, { kind: "createTable" }>).table.foreignKeys, posts.foreignKeys);
});

test("two new tables referencing each other are both created before either foreign key", () => {
  const fk = (to: string) => ({
    name: `${to}_fk`,
    columns: ["other_id"],
    references: { name: to, columns: ["id"] },
    onDelete: "no action" as const,
    onUpdate: "no action" as const,
  });
  const a = table("a", [col("id"), col("other_id")], { foreignKeys: [fk("b")] });
  const b = table("b", [col("id"), col("other_id")], { foreignKeys: [fk("a")] });
  const diff = diffChecked(schema([]), schema([a, b]));
  assert.deepEqual(kinds(diff), ["createTable", "createTable", "addForeignKey", "addForeignKey"]);
});

test("columns: added, dropped and changed", () => {
  const before = table("users", [col("id"), col("nickname", "text"), col("age", "integer")]);
  const after = table("users", [col("id"), col("age", "bigint", { notNull: true, default: "0" }), col("joined", "date")]);
  const diff = diffChecked(schema([before]), schema([after]));
  assert.deepEqual(diff.ops, [
    { kind: "addColumn", table: "users", column: after.columns[2] },
    { kind: "alterColumn", table: "users", from: before.columns[2], to: after.columns[1] },
    { kind: "dropColumn", table: "users", column: before.columns[1] },
  ]);
});

test("a changed primary key is dropped and added", () => {
  const before = table("t", [col("a"), col("b")], { primaryKey: { name: "t_pkey", columns: ["a"] } });
  const after = { ...before, primaryKey: { name: "t_pkey", columns: ["a", "b"] } };
  const diff = diffChecked(schema([before]), schema([after]));
  assert.deepEqual(diff.ops, [
    { kind: "dropPrimaryKey", table: "t", primaryKey: before.primaryKey },
    { kind: "addPrimaryKey", table: "t", primaryKey: after.primaryKey },
  ]);
  assert.deepEqual(kinds(diffChecked(schema([after]), schema([{ ...after, primaryKey: undefined }]))), ["dropPrimaryKey"]);
});

test("constraints are matched by name: a changed one is dropped and added", () => {
  const changedFk = { ...posts.foreignKeys[0], onDelete: "restrict" as const };
  const after: Table = {
    ...posts,
    foreignKeys: [changedFk],
    uniques: [{ name: "posts_author_key", columns: ["author_id"] }],
    checks: [{ name: "posts_id_check", expression: "id > 0" }],
  };
  const diff = diffChecked(schema([users, posts]), schema([users, after]));
  assert.deepEqual(diff.ops, [
    { kind: "dropForeignKey", table: "posts", foreignKey: posts.foreignKeys[0] },
    { kind: "addUnique", table: "posts", unique: after.uniques[0] },
    { kind: "addCheck", table: "posts", check: after.checks[0] },
    { kind: "addForeignKey", table: "posts", foreignKey: changedFk },
  ]);
  assert.deepEqual(kinds(diffChecked(schema([users, after]), schema([users, posts]))), [
    "dropForeignKey",
    "dropUnique",
    "dropCheck",
    "addForeignKey",
  ]);
});

test("where the database forgets constraint names, constraints are matched by what they constrain", () => {
  const named = table("t", [col("a")], { uniques: [{ name: "t_a_key", columns: ["a"] }], checks: [{ name: "c1", expression: "a > 0" }] });
  const renamed = table("t", [col("a")], { uniques: [{ name: "other", columns: ["a"] }], checks: [{ name: "c2", expression: "a > 0" }] });
  assert.deepEqual(diffChecked(schema([named]), schema([renamed]), { capabilities: sqliteCapabilities }).ops, []);
  assert.deepEqual(kinds(diffChecked(schema([named]), schema([renamed]))), ["dropUnique", "dropCheck", "addUnique", "addCheck"]);
  const changed = table("t", [col("a")], { uniques: [{ name: "t_a_key", columns: ["a"] }], checks: [{ name: "c1", expression: "a > 1" }] });
  assert.deepEqual(kinds(diffChecked(schema([named]), schema([changed]), { capabilities: sqliteCapabilities })), ["dropCheck", "addCheck"]);
});

test("indexes: added, dropped, changed (dropped and created); building concurrently is no change", () => {
  const idx = (name: string, unique = false) => ({ name, columns: [{ value: "email" }], unique });
  const before = { ...users, indexes: [idx("a"), idx("b")] };
  const after = { ...users, indexes: [idx("b", true), idx("c")] };
  const diff = diffChecked(schema([before]), schema([after]));
  assert.deepEqual(diff.ops, [
    { kind: "dropIndex", table: "users", index: idx("a") },
    { kind: "dropIndex", table: "users", index: idx("b") },
    { kind: "createIndex", table: "users", index: idx("c") },
    { kind: "createIndex", table: "users", index: idx("b", true) },
  ]);
  const concurrent = { ...before, indexes: before.indexes.map((i) => ({ ...i, concurrently: true })) };
  assert.deepEqual(diffChecked(schema([before]), schema([concurrent])).ops, []);
});

test("tables in other schemas are told apart from same-named tables in the default one", () => {
  const audit = { ...table("users", [col("id")]), schema: "audit" };
  const diff = diffChecked(schema([users], { namespaces: [] }), schema([users, audit], { namespaces: ["audit"] }));
  assert.deepEqual(diff.ops, [
    { kind: "createSchema", name: "audit" },
    { kind: "createTable", table: audit },
  ]);
  assert.deepEqual(kinds(diffChecked(schema([users, audit], { namespaces: ["audit"] }), schema([users]))), ["dropTable", "dropSchema"]);
});

test("enums: created, dropped, and altered when their values differ", () => {
  const mood = { name: "mood", values: ["sad", "ok"] };
  const role = { schema: "auth", name: "role", values: ["user"] };
  const before = schema([], { enums: [mood, role], namespaces: ["auth"] });
  const after = schema([], { enums: [{ ...mood, values: ["sad", "ok", "happy"] }, { name: "size", values: ["s"] }], namespaces: ["auth"] });
  const diff = diffChecked(before, after);
  assert.deepEqual(diff.ops, [
    { kind: "createEnum", enum: { name: "size", values: ["s"] } },
    { kind: "alterEnum", name: "mood", from: ["sad", "ok"], to: ["sad", "ok", "happy"] },
    { kind: "dropEnum", enum: role },
  ]);
});

test("sequences: created, dropped, and altered when their options differ", () => {
  const options = { increment: "1", minValue: "1", maxValue: "100", start: "1", cache: "1", cycle: false };
  const counter = { name: "counter", ...options };
  const before = schema([], { sequences: [counter, { schema: "s", name: "old", ...options }], namespaces: ["s"] });
  const after = schema([], { sequences: [{ ...counter, increment: "5" }, { name: "fresh", ...options }], namespaces: ["s"] });
  const diff = diffChecked(before, after);
  assert.deepEqual(diff.ops, [
    { kind: "createSequence", sequence: { name: "fresh", ...options } },
    { kind: "alterSequence", name: "counter", from: options, to: { ...options, increment: "5" } },
    { kind: "dropSequence", sequence: { schema: "s", name: "old", ...options } },
  ]);
});

test("a 1,000-table schema compares quickly", () => {
  const many = (n: number, extra: boolean) =>
    Array.from({ length: n }, (_, i) =>
      table(`t${i}`, [col("id", "integer", { notNull: true }), col("name", "text"), ...(extra && i % 10 === 0 ? [col("added", "date")] : [])], {
        primaryKey: { columns: ["id"] },
        indexes: [{ name: `t${i}_name_idx`, columns: [{ value: "name" }], unique: false }],
        foreignKeys: i > 0 ? [{ name: `t${i}_fk`, columns: ["id"], references: { name: `t${i - 1}`, columns: ["id"] }, onDelete: "no action", onUpdate: "no action" }] : [],
      }),
    );
  const actual = schema(many(1000, false));
  const desired = schema(many(1000, true));
  const started = performance.now();
  const diff = compare(actual, desired, { capabilities: postgresCapabilities });
  console.log(`compared 1,000 tables in ${(performance.now() - started).toFixed(0)} ms`);
  assert.equal(diff.ops.length, 100);
});
