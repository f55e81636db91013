import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { postgresDialect } from "@driftwood/dialect-postgres";
import { scratchPostgres, tempDir } from "@driftwood/testkit";
import { queryDb } from "./project.ts";
import { MigrationError, migrate, openProject, pending, renderSql, type DriftwoodConfig } from "../src/index.ts";

const CREATE = `export const revision = "a00000000001";
export const parents = [];
export const message = "create items";
export function upgrade(op) {
  op.createTable({ table: { name: "items", columns: [
    { name: "id", type: "integer", notNull: true },
    { name: "label", type: "text", notNull: false },
  ], primaryKey: { columns: ["id"] }, foreignKeys: [], uniques: [], checks: [], indexes: [] } });
  op.execute("INSERT INTO items (id) VALUES (1), (2)", "DELETE FROM items");
}
export function downgrade(op) {
  op.execute("DELETE FROM items", "INSERT INTO items (id) VALUES (1), (2)");
  op.dropTable({ table: { name: "items", columns: [
    { name: "id", type: "integer", notNull: true },
    { name: "label", type: "text", notNull: false },
  ], primaryKey: { columns: ["id"] }, foreignKeys: [], uniques: [], checks: [], indexes: [] } });
}
`;
const BACKFILL = `export const revision = "b00000000002";
export const parents = ["a00000000001"];
export const message = "backfill and index";
export function upgrade(op) {
  op.run(async (db) => { await db.execute("UPDATE items SET label = 'item ' || id"); }, "label every item");
  op.createIndex({ table: "items", index: { name: "items_label_idx", columns: [{ value: "label" }], unique: false, concurrently: true } });
}
export function downgrade(op) {
  op.dropIndex({ table: "items", index: { name: "items_label_idx", columns: [{ value: "label" }], unique: false } });
}
`;

function project(url: string, withBackfill = true): { config: DriftwoodConfig; cwd: string; remove(): void } {
  const t = tempDir("driftwood-api-");
  mkdirSync(join(t.dir, "migrations"));
  writeFileSync(join(t.dir, "migrations", "a00000000001_create_items.ts"), CREATE);
  if (withBackfill) writeFileSync(join(t.dir, "migrations", "b00000000002_backfill_and_index.ts"), BACKFILL);
  return { config: { dialect: "postgresql", schema: "./models.ts", url }, cwd: t.dir, remove: t.remove };
}

const query = (url: string, sql: string) => queryDb(postgresDialect, url, sql);

test("three connections migrating at once apply each revision once", async () => {
  const db = await scratchPostgres();
  const p = project(db.url, false);
  try {
    const options = { config: p.config, cwd: p.cwd };
    const runs = await Promise.all([migrate(options), migrate(options), migrate(options)]);
    assert.deepEqual(runs.flat(), ["a00000000001"]);
    assert.deepEqual(await query(db.url, "SELECT count(*)::int AS n FROM items"), [{ n: 2 }]);
  } finally {
    p.remove();
    await db.drop();
  }
});

test("migrate() runs data steps in order and a concurrent index outside the transaction", async () => {
  const db = await scratchPostgres();
  const p = project(db.url);
  try {
    const options = { config: p.config, cwd: p.cwd };
    assert.deepEqual((await pending(options)).map((r) => r.revision), ["a00000000001", "b00000000002"]);
    assert.deepEqual(await migrate(options), ["a00000000001", "b00000000002"]);
    assert.deepEqual(await pending(options), []);
    assert.deepEqual(await query(db.url, "SELECT id, label FROM items ORDER BY id"), [
      { id: 1, label: "item 1" },
      { id: 2, label: "item 2" },
    ]);
    const [index] = await query(
      db.url,
      "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'items_label_idx'",
    );
    assert.deepEqual(index, { indisvalid: true });
    assert.deepEqual(await query(db.url, "SELECT revision FROM driftwood_version_applied ORDER BY revision"), [
      { revision: "a00000000001" },
      { revision: "b00000000002" },
    ]);
  } finally {
    p.remove();
    await db.drop();
  }
});

test("--sql renders a data step as a comment and a concurrent index outside the transaction", async () => {
  const p = project("postgres://unused@127.0.0.1:1/none");
  try {
    const sql = await renderSql(await openProject({ config: p.config, cwd: p.cwd }), "upgrade", "a00000000001:head");
    assert.doesNotMatch(sql, /CREATE TABLE "items"/, "the range starts after a00000000001");
    assert.match(
      sql,
      /\n-- data step "label every item" runs only online: run the command without --sql\nCREATE INDEX CONCURRENTLY "items_label_idx" ON "items"[^\n]*;\nBEGIN;\nUPDATE "driftwood_version" SET "version_num" = 'b00000000002' WHERE "version_num" = 'a00000000001';/,
    );
  } finally {
    p.remove();
  }
});

test("a failing statement rolls the whole migration back on PostgreSQL and names file, statement and message", async () => {
  const db = await scratchPostgres();
  const t = tempDir("driftwood-api-");
  try {
    mkdirSync(join(t.dir, "migrations"));
    writeFileSync(join(t.dir, "migrations", "a00000000001_create_items.ts"), CREATE.replace("op.execute(\"INSERT INTO items (id) VALUES (1), (2)\"", "op.execute(\"INSERT INTO items (id) VALUES ('not a number')\""));
    const options = { config: { dialect: "postgresql", schema: "./models.ts", url: db.url } as DriftwoodConfig, cwd: t.dir };
    await assert.rejects(migrate(options), (e: Error) => {
      assert.ok(e instanceof MigrationError);
      const [first, detail] = e.message.split("\n");
      assert.match(first!, /^upgrade a00000000001 failed in .*a00000000001_create_items.ts: invalid input syntax for type integer: "not a number"; it was rolled back/);
      assert.equal(detail, "statement: INSERT INTO items (id) VALUES ('not a number')");
      return true;
    });
    assert.deepEqual(await query(db.url, "SELECT to_regclass('items') IS NULL AS gone"), [{ gone: true }]);
    assert.deepEqual(await query(db.url, "SELECT count(*)::int AS n FROM driftwood_version"), [{ n: 0 }]);
    assert.deepEqual((await pending(options)).map((r) => r.revision), ["a00000000001"]);
  } finally {
    t.remove();
    await db.drop();
  }
});
