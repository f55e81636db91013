// The backups fixture's history on PostgreSQL: a nullable username, backfilled from the email in
// the same migration, then made NOT NULL and unique while the email becomes optional.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scratchPostgres } from "@driftwood/testkit";
import { assertNoDifferences, fixtureCopy, ok, pgQuery } from "./pg-fixture.ts";

const [INITIAL, BACKFILL, REQUIRED] = ["_create_users", "_add_username", "_username_required"];
const EMAILS = ["ada@example.com", "grace.hopper@navy.mil", "o'brien@mail.test"];
const insertUsers = `INSERT INTO users (email) VALUES ${EMAILS.map((e) => `('${e.replaceAll("'", "''")}')`).join(", ")}`;

async function rejects(url: string, sql: string, pattern: RegExp): Promise<void> {
  await assert.rejects(pgQuery(url, sql), pattern);
}

test("backups: the backfill gives every user the local part of the email; NOT NULL and unique hold; down and up again", async () => {
  const db = await scratchPostgres();
  const app = fixtureCopy("backups", db.url);
  try {
    assert.equal(app.migrations().length, 3);
    const [first, second, third] = [INITIAL, BACKFILL, REQUIRED].map((slug) => app.revision(slug));
    ok(app.db("upgrade", first));
    await pgQuery(db.url, insertUsers);
    ok(app.db("upgrade", "head"));
    assert.equal(ok(app.db("current")).stdout, `${third} (head)\n`);

    const users = await pgQuery(db.url, "SELECT email, username FROM users ORDER BY id");
    assert.deepEqual(users, EMAILS.map((email) => ({ email, username: email.split("@")[0] })));
    await rejects(db.url, "INSERT INTO users (email) VALUES ('nobody@example.com')", /null value in column "username"/);
    await rejects(db.url, "INSERT INTO users (username) VALUES ('ada')", /duplicate key value violates unique constraint "users_username_unique"/);
    await pgQuery(db.url, "INSERT INTO users (username) VALUES ('no_email')");
    assertNoDifferences(app.db("check"));

    await pgQuery(db.url, "DELETE FROM users WHERE email IS NULL");
    ok(app.db("downgrade", second));
    const columns = await pgQuery(
      db.url,
      "SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = 'users' AND column_name IN ('email', 'username') ORDER BY 1",
    );
    assert.deepEqual(columns, [
      { column_name: "email", is_nullable: "NO" },
      { column_name: "username", is_nullable: "YES" },
    ]);
    ok(app.db("downgrade", "base"));
    const tables = await pgQuery(db.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    assert.deepEqual(tables.map((r) => r.tablename), ["driftwood_version", "driftwood_version_applied"]);
    ok(app.db("upgrade", "head"));
    assertNoDifferences(app.db("check"));
  } finally {
    app.remove();
    await db.drop();
  }
});

test("backups: a statement failing after the backfill rolls the backfill back with the schema ops", async () => {
  const db = await scratchPostgres();
  const app = fixtureCopy("backups", db.url);
  try {
    const first = app.revision(INITIAL);
    const file = join(app.dir, "migrations", app.migrations().find((f) => f.includes(BACKFILL))!);
    const edited = readFileSync(file, "utf8").replace(
      /(op\.execute\("UPDATE users SET username = split_part\(email, '@', 1\)"\);\n)/,
      `$1  op.execute("ALTER TABLE users ADD CONSTRAINT users_username_long CHECK (length(username) > 5)");\n`,
    );
    assert.notEqual(edited, readFileSync(file, "utf8"), "the backfill is in the migration");
    writeFileSync(file, edited);

    ok(app.db("upgrade", first));
    await pgQuery(db.url, insertUsers);
    const r = app.db("upgrade", "head");
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /users_username_long/);
    assert.match(r.stderr, /rolled back/);

    assert.equal(ok(app.db("current")).stdout, `${first}\n`);
    const username = await pgQuery(
      db.url,
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'username'",
    );
    assert.deepEqual(username, [], "the added column is rolled back");
    const rows = await pgQuery(db.url, "SELECT email FROM users ORDER BY id");
    assert.deepEqual(rows.map((u) => u.email), EMAILS);
  } finally {
    app.remove();
    await db.drop();
  }
});
