// The every-feature PostgreSQL fixture: a database built by drizzle-kit's push, and one built by
// driftwood's own first migration, both pass `db check`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { scratchPostgres } from "@driftwood/testkit";
import * as models from "../../../fixtures/pg-all/schema.ts";
import { drizzleKitPush } from "../../../packages/dialect-postgres/test/push.ts";
import { assertNoDifferences, fixtureCopy, ok, pgQuery } from "./pg-fixture.ts";

test("pg-all: a database pushed by drizzle-kit passes `db check`", async () => {
  const db = await scratchPostgres();
  const app = fixtureCopy("pg-all", db.url);
  try {
    const statements = await drizzleKitPush(models, db.url, ["public", "billing"]);
    assert.ok(statements.length > 20, statements.join("\n"));
    assertNoDifferences(app.db("check"));
    assert.match(ok(app.db("migrate", "-m", "nothing")).stdout, /No changes detected/);
    assert.deepEqual(app.migrations(), []);
  } finally {
    app.remove();
    await db.drop();
  }
});

test("pg-all: a database built by driftwood's first migration passes `db check`; migrate again writes nothing", async () => {
  const db = await scratchPostgres();
  const app = fixtureCopy("pg-all", db.url);
  try {
    ok(app.db("migrate", "-m", "init"));
    assert.equal(app.migrations().length, 1);
    ok(app.db("upgrade"));
    assertNoDifferences(app.db("check"));
    assert.match(ok(app.db("migrate", "-m", "again")).stdout, /No changes detected/);
    assert.equal(app.migrations().length, 1);
    const rows = await pgQuery(
      db.url,
      `INSERT INTO billing.accounts (region, number) VALUES ('eu', 11) RETURNING "limit", currency`,
    );
    assert.deepEqual(rows, [{ limit: "100.00", currency: "eur" }]);

    ok(app.db("downgrade", "base"));
    const left = await pgQuery(
      db.url,
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname IN ('public', 'billing') AND c.relkind IN ('r', 'S') ORDER BY 1`,
    );
    assert.deepEqual(left.map((r) => r.relname), ["driftwood_version", "driftwood_version_applied"]);
  } finally {
    app.remove();
    await db.drop();
  }
});
