import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseError } from "@driftwood/schema";
import { tempDir } from "@driftwood/testkit";
import { sqliteDialect } from "../src/index.ts";

test("a path that cannot be opened fails with one line naming it", async () => {
  const dir = tempDir();
  try {
    const path = join(dir.dir, "missing-folder", "app.db");
    const error = await sqliteDialect.connect(path).then(
      () => assert.fail("connected"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof DatabaseError);
    assert.ok(error.message.includes(path));
    assert.doesNotMatch(error.message, /\n/);
  } finally {
    dir.remove();
  }
});

test("a file path, a file: URL and :memory: all open", async () => {
  const dir = tempDir();
  try {
    for (const url of [join(dir.dir, "a.db"), `file:${join(dir.dir, "b.db")}`, ":memory:"]) {
      const conn = await sqliteDialect.connect(url);
      await conn.execute("CREATE TABLE t (x integer)");
      assert.deepEqual((await conn.introspect()).tables.map((t) => t.name), ["t"]);
      await conn.close();
    }
  } finally {
    dir.remove();
  }
});

test("a transaction rolls back DDL when it throws and restores foreign key enforcement", async () => {
  const conn = await sqliteDialect.connect(":memory:");
  try {
    await assert.rejects(
      conn.transaction(async () => {
        await conn.execute("CREATE TABLE t (x integer)");
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.deepEqual((await conn.introspect()).tables, []);
    assert.deepEqual(await conn.query("PRAGMA foreign_keys"), [{ foreign_keys: 1 }]);
  } finally {
    await conn.close();
  }
});

test("introspection honours include", async () => {
  const conn = await sqliteDialect.connect(":memory:");
  try {
    await conn.execute("CREATE TABLE keep (x integer); CREATE TABLE skip (x integer); CREATE INDEX skip_x ON skip (x)");
    const schema = await conn.introspect({ include: (t) => t.name !== "skip" });
    assert.deepEqual(schema.tables.map((t) => t.name), ["keep"]);
    assert.deepEqual(await conn.tables(), [{ name: "keep" }, { name: "skip" }]);
  } finally {
    await conn.close();
  }
});
