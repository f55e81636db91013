import { test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { SQL } from "drizzle-orm";
import { pushSQLiteSchema } from "drizzle-kit/api";
import { schemaFromModules } from "@driftwood/drizzle";
import { scratchSqlite } from "@driftwood/testkit";
import { sqliteDialect } from "../src/index.ts";
import * as allFeatures from "./fixtures/all-features.ts";
import * as trivia from "../../../fixtures/trivia/schema.ts";
import { createOps, scratch } from "./helpers.ts";

type Models = Record<string, unknown>;
const fixtures: [string, Models][] = [
  ["every sqlite-core feature", allFeatures],
  ["the trivia fixture", trivia],
];
const load = (models: Models) => schemaFromModules([{ file: "models.ts", exports: models }], "sqlite");

/** Runs drizzle-kit's own `push` against a better-sqlite3 file. */
async function drizzleKitPush(models: Models, path: string): Promise<void> {
  const sqlite = new Database(path);
  const text = (q: SQL) => new SQLiteSyncDialect().sqlToQuery(q).sql;
  // push issues every statement through `all`; better-sqlite3 only lets readers use it.
  const run = (q: SQL) => {
    const statement = sqlite.prepare(text(q));
    return statement.reader ? statement.all() : (statement.run(), []);
  };
  try {
    const push = await pushSQLiteSchema(models, { all: run, run } as unknown as Parameters<typeof pushSQLiteSchema>[1]);
    await push.apply();
  } finally {
    sqlite.close();
  }
}

for (const [what, models] of fixtures) {
  test(`${what}: a database made by drizzle-kit push introspects as the models load`, async () => {
    const db = await scratchSqlite();
    try {
      await drizzleKitPush(models, db.url);
      const conn = await sqliteDialect.connect(db.url);
      try {
        const actual = sqliteDialect.normalize(await conn.introspect());
        assert.equal(actual.tables.length, 4);
        assert.deepEqual(actual, sqliteDialect.normalize(load(models)));
      } finally {
        await conn.close();
      }
    } finally {
      await db.drop();
    }
  });

  test(`${what}: a database made from the rendered createTable and createIndex ops introspects as the models load`, async () => {
    const s = await scratch();
    try {
      for (const op of createOps(load(models))) await s.run(op);
      assert.deepEqual(await s.actual(), sqliteDialect.normalize(load(models)));
    } finally {
      await s.done();
    }
  });
}
