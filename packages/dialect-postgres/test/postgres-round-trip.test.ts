// For every kind of op: render and run it, the database then reads as `applyOp(before, op)`;
// render and run its inverse, the database reads as `before` again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { scratchPostgres } from "@driftwood/testkit";
import { applyOp, invert, type Column, type Op, type Schema } from "@driftwood/schema";
import { postgresDialect } from "../src/index.ts";
import * as base from "./models/round-trip.ts";
import { creationOps, introspected, modelSchema, run, withoutBuildHints } from "./helpers.ts";

const start = modelSchema(base);
const column = (table: string, name: string): Column =>
  structuredClone(start.tables.find((t) => t.name === table)!.columns.find((c) => c.name === name)!);
const on = { table: "people" } as const;
const alter = (name: string, change: Partial<Column>): Op => {
  const from = column("people", name);
  return { kind: "alterColumn", ...on, from, to: { ...from, ...change } };
};
const sequenceDefaults = { increment: "1", minValue: "1", maxValue: "2147483647", start: "1", cache: "1", cycle: false };

const ops: Op[] = [
  { kind: "createSchema", name: "Extra Space" },
  { kind: "createEnum", enum: { schema: undefined, name: "Color", values: ["red", "it's green"] } },
  { kind: "alterEnum", name: "mood", from: ["sad", "ok", "happy"], to: ["meh", "sad", "ok", "fine", "happy", "ecstatic"] },
  { kind: "alterEnum", name: "mood", from: ["sad", "ok", "happy"], to: ["happy", "ok", "sad"] },
  {
    kind: "createSequence",
    sequence: { name: "ids", increment: "3", minValue: "1", maxValue: "9223372036854775807", start: "7", cache: "2", cycle: true },
  },
  {
    kind: "alterSequence",
    name: "counter_seq",
    from: start.sequences[0],
    to: { ...start.sequences[0], increment: "10", maxValue: "5000", cache: "4", cycle: true },
  },
  {
    kind: "createTable",
    table: {
      name: "Select",
      columns: [
        { name: "id", type: "bigint", notNull: true, identity: { always: true, ...sequenceDefaults, maxValue: "9223372036854775807" } },
        { name: "payload", type: "jsonb", notNull: true, default: `'{"a":1}'` },
        { name: "tags", type: "text", dimensions: 1, notNull: true, default: "'{}'" },
      ],
      primaryKey: { columns: ["id"] },
      foreignKeys: [],
      uniques: [{ name: "Select tags", columns: ["tags"], nullsNotDistinct: true }],
      checks: [{ name: "payload object", expression: "jsonb_typeof(payload) = 'object'::text" }],
      indexes: [],
    },
  },
  { kind: "renameTable", from: "pets", to: "animals" },
  { kind: "addColumn", ...on, column: { name: "Email Address", type: "varchar(100)", notNull: true, default: "'none'" } },
  // The last column: PostgreSQL adds a column back at the end, so only that one returns to its place.
  { kind: "dropColumn", ...on, column: column("people", "doubleAge") },
  { kind: "renameColumn", ...on, from: "nick", to: "nickname" },
  alter("name", { type: "text" }),
  alter("amount", { type: "bigint", default: "0", notNull: true }),
  alter("amount", { type: "numeric(10,2)" }),
  // Read by the generated column doubleAge, which is dropped and added back around the change.
  alter("age", { type: "bigint" }),
  alter("id", { type: "integer" }),
  alter("amount", { type: "bigserial", notNull: true }),
  alter("name", { default: "'it''s'" }),
  alter("name", { default: undefined, notNull: false }),
  alter("mood", { type: "text", default: "'ok'" }),
  alter("ticket", { notNull: true, identity: { always: false, ...sequenceDefaults } }),
  alter("doubleAge", { generated: { expression: "age * 3", stored: true } }),
  alter("doubleAge", { generated: undefined }),
  { kind: "dropPrimaryKey", ...on, primaryKey: start.tables.find((t) => t.name === "people")!.primaryKey! },
  { kind: "addPrimaryKey", table: "pets", primaryKey: { name: "pets pk", columns: ["id"] } },
  { kind: "addUnique", ...on, unique: { columns: ["nick", "age"], nullsNotDistinct: true } },
  { kind: "addCheck", ...on, check: { name: "age_positive", expression: "age > 0" } },
  {
    kind: "createIndex",
    ...on,
    index: {
      name: "people lower nick",
      columns: [{ value: "lower(nick)", expression: true }, { value: "age", desc: true, nulls: "last" }],
      unique: false,
      where: "age IS NOT NULL",
    },
  },
  {
    kind: "createIndex",
    ...on,
    index: { name: "people_nick_idx", columns: [{ value: "nick", opclass: "text_pattern_ops" }], unique: true, concurrently: true },
  },
  { kind: "createIndex", ...on, index: { name: "people_moods_gin", columns: [{ value: "moods" }], unique: false, method: "gin" } },
  { kind: "execute", sql: `CREATE TABLE "raw" ("id" integer)`, reverse: `DROP TABLE "raw"` },
];

/** An op on `pets` that needs a key on `people` first; the key is added and removed around it. */
const foreignKeyOp: Op = {
  kind: "addForeignKey",
  table: "pets",
  foreignKey: { columns: ["ownerId"], references: { name: "people", columns: ["id"] }, onDelete: "cascade", onUpdate: "no action" },
};

async function roundTrip(conn: Parameters<typeof introspected>[0], before: Schema, op: Op): Promise<void> {
  const after = await run(conn, [op], before);
  const expected = op.kind === "execute" ? (await introspected(conn)) : after;
  assert.deepEqual(await introspected(conn), withoutBuildHints(postgresDialect.normalize(expected)), `after ${op.kind}`);
  await run(conn, [invert(op)], after);
  assert.deepEqual(await introspected(conn), withoutBuildHints(before), `after undoing ${op.kind}`);
}

/** Each target: a scratch database on the server (PostgreSQL 15) and an in-memory PGlite (18). */
const targets = [
  { name: "the server", open: scratchPostgres },
  { name: "PGlite", open: async () => ({ url: "pglite://memory", drop: async () => {} }) },
];

for (const target of targets) {
  test(`every op round-trips through the database on ${target.name}`, async (t) => {
    const db = await target.open();
    const conn = await postgresDialect.connect(db.url);
    try {
      await run(conn, creationOps(start));
      assert.deepEqual(await introspected(conn), start);
      for (const op of ops) {
        await t.test(`${op.kind} ${JSON.stringify(op).slice(0, 80)}`, () => roundTrip(conn, start, op));
      }
      await t.test("addForeignKey", async () => {
        const keyed = await run(conn, [{ kind: "addUnique", table: "people", unique: { columns: ["id"] } }], start);
        await roundTrip(conn, postgresDialect.normalize(keyed), foreignKeyOp);
      });
    } finally {
      await conn.close();
      await db.drop();
    }
  });
}
