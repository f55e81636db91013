import { test } from "node:test";
import assert from "node:assert/strict";
import { invert, type Column, type Op, type Table } from "@driftwood/schema";
import { sqliteDialect } from "../src/index.ts";
import { scratch, type Scratch } from "./helpers.ts";

const ROWS = 1000;
const col = (name: string, type: string, notNull = false, extra: Partial<Column> = {}): Column => ({ name, type, notNull, ...extra });
const table = (name: string, columns: Column[], rest: Partial<Table> = {}): Table => ({
  name,
  columns,
  primaryKey: { columns: ["id"] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
  ...rest,
});

const owners = table("owners", [col("id", "integer", true)]);
// The check is qualified as drizzle writes it, which the recreated table must survive.
const items = table("items", [
  col("id", "integer", true),
  col("owner_id", "integer"),
  col("nickname", "text"),
  col("code", "integer"),
  col("serial", "text"),
], { checks: [{ expression: '"items"."code" >= 0' }] });
// A child whose ON DELETE CASCADE would empty it if recreating `items` fired it.
const notes = table("notes", [col("id", "integer", true), col("item_id", "integer", true)], {
  foreignKeys: [{ columns: ["item_id"], references: { name: "items", columns: ["id"] }, onDelete: "cascade", onUpdate: "no action" }],
});

async function seeded(): Promise<Scratch> {
  const s = await scratch();
  for (const t of [owners, items, notes]) await s.run({ kind: "createTable", table: t });
  await s.run({ kind: "createIndex", table: "items", index: { name: "items_code_idx", unique: false, columns: [{ value: "code" }] } });
  await s.conn.execute(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
    INSERT INTO owners (id) SELECT i FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
    INSERT INTO items (id, owner_id, nickname, code, serial)
      SELECT i, i, CASE WHEN i % 3 = 0 THEN NULL ELSE 'nick' || i END, i * 7, 's' || i FROM n;
    INSERT INTO notes (id, item_id) SELECT id, id FROM items;`);
  return s;
}

type Row = { id: number; owner_id: number; nickname: string | null; code: number | string; serial: string };
const rows = (s: Scratch) => s.conn.query<Row>("SELECT * FROM items ORDER BY id");

async function assertShape(s: Scratch, what: string) {
  assert.deepEqual(await s.actual(), sqliteDialect.normalize(s.expected), what);
  assert.equal((await rows(s)).length, ROWS, `${what}: items rows`);
  assert.equal((await s.conn.query<{ n: number }>("SELECT count(*) AS n FROM notes"))[0].n, ROWS, `${what}: notes rows`);
}

const alter = (from: Column, to: Column): Op => ({ kind: "alterColumn", table: "items", from, to });

test("a nullable text column made NOT NULL with a default keeps every row and fills the nulls", async () => {
  const s = await seeded();
  try {
    const op = alter(col("nickname", "text"), col("nickname", "text", true, { default: "'none'" }));
    await s.run(op);
    await assertShape(s, "after");
    const after = await rows(s);
    assert.deepEqual(after.map((r) => r.nickname), after.map((r) => (r.id % 3 === 0 ? "none" : `nick${r.id}`)));
    await s.run(invert(op));
    await assertShape(s, "after inverse");
    assert.deepEqual((await rows(s)).map((r) => r.nickname), after.map((r) => r.nickname));
  } finally {
    await s.done();
  }
});

test("an integer column changed to text and back keeps its values", async () => {
  const s = await seeded();
  try {
    const op = alter(col("code", "integer"), col("code", "text"));
    await s.run(op);
    await assertShape(s, "after");
    assert.deepEqual((await rows(s)).map((r) => r.code), (await rows(s)).map((r) => String(r.id * 7)));
    await s.run(invert(op));
    await assertShape(s, "after inverse");
    assert.deepEqual((await rows(s)).map((r) => r.code), (await rows(s)).map((r) => r.id * 7));
  } finally {
    await s.done();
  }
});

test("a foreign key and a unique constraint added and dropped keep every row", async () => {
  const s = await seeded();
  try {
    const before = await rows(s);
    const ops: Op[] = [
      { kind: "addForeignKey", table: "items", foreignKey: { columns: ["owner_id"], references: { name: "owners", columns: ["id"] }, onDelete: "set null", onUpdate: "no action" } },
      { kind: "addUnique", table: "items", unique: { columns: ["serial"] } },
    ];
    for (const op of ops) {
      await s.run(op);
      await assertShape(s, `after ${op.kind}`);
      await s.run(invert(op));
      await assertShape(s, `after inverse of ${op.kind}`);
      assert.deepEqual(await rows(s), before);
    }
  } finally {
    await s.done();
  }
});

test("a foreign key the rows break is rolled back with an error naming the table", async () => {
  const s = await seeded();
  try {
    await s.conn.execute("DELETE FROM owners WHERE id = 5");
    const expected = s.expected;
    const op: Op = { kind: "addForeignKey", table: "items", foreignKey: { columns: ["owner_id"], references: { name: "owners", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" } };
    await assert.rejects(s.run(op), /foreign key violation in table "items"/);
    s.expected = expected;
    await assertShape(s, "after rollback");
  } finally {
    await s.done();
  }
});
