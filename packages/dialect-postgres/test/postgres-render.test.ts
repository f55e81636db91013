// What the rendered SQL promises beyond its effect: which statements must run outside a
// transaction, and which path an enum change takes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { emptySchema, type Schema } from "@driftwood/schema";
import { postgresDialect } from "../src/index.ts";

const before: Schema = {
  ...emptySchema("postgresql"),
  enums: [{ name: "mood", values: ["sad", "ok", "happy"] }],
  tables: [
    {
      name: "people",
      columns: [{ name: "mood", type: "mood", notNull: false, default: "'ok'" }],
      foreignKeys: [],
      uniques: [],
      checks: [],
      indexes: [],
    },
  ],
};

test("a concurrent index is created and dropped outside the transaction", () => {
  const index = { name: "i", columns: [{ value: "mood" }], unique: false, concurrently: true };
  for (const kind of ["createIndex", "dropIndex"] as const) {
    const [statement] = postgresDialect.render({ kind, table: "people", index }, before);
    assert.match(statement.sql, /CONCURRENTLY/);
    assert.equal(statement.transactional, false);
  }
  const [plain] = postgresDialect.render({ kind: "createIndex", table: "people", index: { ...index, concurrently: undefined } }, before);
  assert.notEqual(plain.transactional, false);
});

test("an enum named like a pg_catalog type (name, text) is always written with its schema", () => {
  const e = { name: "name", values: ["active"] };
  const sql = (op: Parameters<typeof postgresDialect.render>[0]) => postgresDialect.render(op, before).map((s) => s.sql);
  assert.deepEqual(sql({ kind: "createEnum", enum: e }), [`CREATE TYPE "public"."name" AS ENUM ('active')`]);
  assert.deepEqual(sql({ kind: "dropEnum", enum: e }), [`DROP TYPE "public"."name"`]);
  assert.deepEqual(sql({ kind: "dropEnum", enum: { ...e, schema: "billing" } }), [`DROP TYPE "billing"."name"`]);
});

test("enum values added in order become ADD VALUE placed by their neighbours, each outside the transaction", () => {
  const statements = postgresDialect.render(
    { kind: "alterEnum", name: "mood", from: ["sad", "ok", "happy"], to: ["meh", "sad", "ok", "fine", "happy", "wow"] },
    before,
  );
  assert.deepEqual(statements.map((s) => s.sql), [
    `ALTER TYPE "public"."mood" ADD VALUE IF NOT EXISTS 'meh' BEFORE 'sad'`,
    `ALTER TYPE "public"."mood" ADD VALUE IF NOT EXISTS 'fine' BEFORE 'happy'`,
    `ALTER TYPE "public"."mood" ADD VALUE IF NOT EXISTS 'wow' AFTER 'happy'`,
  ]);
  assert.ok(statements.every((s) => s.transactional === false));
});

test("an enum value removed recreates the type and converts every column using it", () => {
  const sql = postgresDialect
    .render({ kind: "alterEnum", name: "mood", from: ["sad", "ok", "happy"], to: ["ok", "happy"] }, before)
    .map((s) => s.sql);
  assert.equal(sql[0], `ALTER TYPE "public"."mood" RENAME TO "mood_old"`);
  assert.equal(sql[1], `CREATE TYPE "public"."mood" AS ENUM ('ok', 'happy')`);
  assert.ok(sql.includes(`ALTER TABLE "people" ALTER COLUMN "mood" TYPE "public"."mood" USING "mood"::text::"public"."mood"`));
  assert.equal(sql.at(-1), `DROP TYPE "public"."mood_old"`);
});
