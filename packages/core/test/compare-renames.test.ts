import { test } from "node:test";
import assert from "node:assert/strict";
import { compare, formatAmbiguity, RenameError } from "../src/compare/index.ts";
import { col, diffChecked, kinds, postgresCapabilities, schema, table } from "./compare-assert.ts";

const people = (name: string, columns = [col("id"), col("name", "text")]) =>
  table(name, columns, {
    primaryKey: { columns: ["id"] },
    indexes: [{ name: "people_name_idx", columns: [{ value: columns[1].name }], unique: false }],
  });

const posts = (target: string) =>
  table("posts", [col("id"), col("author_id")], {
    foreignKeys: [{ name: "posts_author_fk", columns: ["author_id"], references: { name: target, columns: ["id"] }, onDelete: "cascade", onUpdate: "no action" }],
  });

test("a column that disappears while one of the same shape appears is renamed", () => {
  const diff = diffChecked(schema([people("users")]), schema([people("users", [col("id"), col("full_name", "text")])]));
  assert.deepEqual(diff.ops, [{ kind: "renameColumn", table: "users", from: "name", to: "full_name", inferred: true }]);
  assert.deepEqual(diff.ambiguousRenames, []);
});

test("a table that disappears while one with the same columns appears is renamed, and references follow it", () => {
  const diff = diffChecked(schema([people("users"), posts("users")]), schema([people("people"), posts("people")]));
  assert.deepEqual(diff.ops, [{ kind: "renameTable", from: "users", to: "people", inferred: true }]);
});

test("a renamed table in another schema keeps its schema; a later change uses the new name", () => {
  const before = { ...people("users"), schema: "auth" };
  const check = { name: "people_id_check", expression: "id > 0" };
  const after = { ...people("people"), schema: "auth", checks: [check] };
  const diff = diffChecked(schema([before], { namespaces: ["auth"] }), schema([after], { namespaces: ["auth"] }));
  assert.deepEqual(diff.ops, [
    { kind: "renameTable", schema: "auth", from: "users", to: "people", inferred: true },
    { kind: "addCheck", schema: "auth", table: "people", check },
  ]);
});

test("more than one possible pairing is not guessed: it is reported and dropped and added", () => {
  const before = table("users", [col("id"), col("name", "text"), col("nick", "text")]);
  const after = table("users", [col("id"), col("full_name", "text")]);
  const diff = diffChecked(schema([before]), schema([after]));
  assert.deepEqual(kinds(diff), ["addColumn", "dropColumn", "dropColumn"]);
  assert.deepEqual(diff.ambiguousRenames, [
    {
      kind: "column",
      table: "users",
      from: ["name", "nick"],
      to: ["full_name"],
      candidates: ["users.name=users.full_name", "users.nick=users.full_name"],
    },
  ]);
  assert.equal(
    formatAmbiguity(diff.ambiguousRenames[0]),
    "column users.name or users.nick may have been renamed to users.full_name: " +
      "pass --rename users.name=users.full_name or --rename users.nick=users.full_name to rename, or --no-rename to drop and add",
  );
});

test("two tables of the same shape appearing for one that disappears are ambiguous", () => {
  const diff = diffChecked(schema([people("users")]), schema([people("people"), people("persons")]));
  assert.deepEqual(kinds(diff), ["dropIndex", "createTable", "createTable", "createIndex", "createIndex", "dropTable"]);
  assert.deepEqual(diff.ambiguousRenames.map((a) => [a.kind, a.from, a.to]), [["table", ["users"], ["people", "persons"]]]);
});

test("renames none: never inferred, always dropped and added", () => {
  const diff = diffChecked(schema([people("users")]), schema([people("users", [col("id"), col("full_name", "text")])]), {
    renames: "none",
  });
  assert.deepEqual(kinds(diff), ["dropIndex", "addColumn", "dropColumn", "createIndex"]);
  assert.deepEqual(diff.ambiguousRenames, []);
});

test("explicit renames win: they settle an ambiguity, work with renames none, and allow a change of shape", () => {
  const before = table("users", [col("id"), col("name", "text"), col("nick", "text")]);
  const after = table("users", [col("id"), col("full_name", "varchar(80)"), col("nick", "text")]);
  for (const renames of ["infer", "none"] as const) {
    const diff = diffChecked(schema([before]), schema([after]), { renames, explicitRenames: ["users.name=users.full_name"] });
    assert.deepEqual(diff.ops, [
      { kind: "renameColumn", table: "users", from: "name", to: "full_name" },
      { kind: "alterColumn", table: "users", from: col("full_name", "text"), to: col("full_name", "varchar(80)") },
    ]);
  }
  const ambiguous = table("users", [col("id"), col("a", "text"), col("b", "text")]);
  const settled = diffChecked(schema([ambiguous]), schema([table("users", [col("id"), col("c", "text"), col("b", "text")])]), {
    explicitRenames: ["users.a=users.c"],
  });
  assert.deepEqual(kinds(settled), ["renameColumn"]);
});

test("an explicit table rename and a column rename written with the old table name", () => {
  const diff = diffChecked(
    schema([{ ...table("users", [col("id"), col("name", "text")]), schema: "auth" }], { namespaces: ["auth"] }),
    schema([{ ...table("people", [col("id"), col("full_name", "text"), col("x")]), schema: "auth" }], { namespaces: ["auth"] }),
    { renames: "none", explicitRenames: ["auth.users.name=auth.users.full_name", "auth.users=auth.people"] },
  );
  assert.deepEqual(diff.ops, [
    { kind: "renameTable", schema: "auth", from: "users", to: "people" },
    { kind: "renameColumn", schema: "auth", table: "people", from: "name", to: "full_name" },
    { kind: "addColumn", schema: "auth", table: "people", column: col("x") },
  ]);
});

test("an explicit rename that names nothing fails with one line naming it", () => {
  const s = schema([people("users")]);
  const t = schema([people("people")]);
  assert.throws(() => diffChecked(s, t, { explicitRenames: ["usr=people"] }), (e) => e instanceof RenameError && /rename "usr=people": the database has no table or column usr/.test(e.message));
  assert.throws(() => diffChecked(s, t, { explicitRenames: ["users=persons"] }), /rename to persons: the models have no such table/);
  assert.throws(() => diffChecked(s, t, { explicitRenames: ["users"] }), /expected old=new/);
});

test("a 1,000-table schema with 100 table and 100 column renames compares quickly", () => {
  const many = (renamed: boolean) =>
    schema(
      Array.from({ length: 1000 }, (_, i) =>
        table(renamed && i % 10 === 5 ? `n${i}` : `t${i}`, [col("id"), col(`c${i}`), col(renamed && i % 10 === 0 ? "new_name" : "name", "text")]),
      ),
    );
  const actual = many(false);
  const desired = many(true);
  const started = performance.now();
  const diff = compare(actual, desired, { capabilities: postgresCapabilities });
  console.log(`compared 1,000 tables with 200 renames in ${(performance.now() - started).toFixed(0)} ms`);
  assert.deepEqual(
    diff.ops.map((op) => op.kind).filter((k, i, all) => all.indexOf(k) === i),
    ["renameTable", "renameColumn"],
  );
  assert.equal(diff.ops.length, 200);
});
