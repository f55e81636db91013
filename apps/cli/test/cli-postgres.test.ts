import { test } from "node:test";
import assert from "node:assert/strict";
import { postgresDialect } from "@driftwood/dialect-postgres";
import { scratchPostgres } from "@driftwood/testkit";
import { tempProject, type CliResult, queryDb } from "./project.ts";

const MODELS = `import { pgTable, serial, text, integer, pgEnum } from "drizzle-orm/pg-core";
export const mood = pgEnum("mood", ["happy", "sad"]);
export const users = pgTable("users", { id: serial("id").primaryKey(), name: text("name").notNull(), mood: mood("mood") });
`;
const MORE_MODELS = `${MODELS}export const posts = pgTable("posts", { id: serial("id").primaryKey(), userId: integer("user_id").notNull().references(() => users.id), title: text("title").notNull().default("untitled") });
`;

function ok(r: CliResult): CliResult {
  assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

const query = (url: string, sql: string) => queryDb(postgresDialect, url, sql);

test("the whole cycle on PostgreSQL, with an ignored table that never shows in a diff", async () => {
  const db = await scratchPostgres();
  const p = tempProject();
  try {
    p.write(
      "driftwood.config.ts",
      `export default { dialect: "postgresql", schema: "./src/*.ts", url: ${JSON.stringify(db.url)}, ignore: ["apscheduler_*"] };\n`,
    );
    p.write("src/schema.ts", MODELS);
    await query(db.url, "CREATE TABLE apscheduler_jobs (id text PRIMARY KEY)");

    const generated = ok(p.cli("migrate", "-m", "initial"));
    assert.doesNotMatch(generated.stdout, /apscheduler/);
    ok(p.cli("upgrade"));
    const rev1 = p.migrations()[0]!.slice(0, 12);
    assert.equal(ok(p.cli("current")).stdout, `${rev1} (head)\n`);
    await query(db.url, "INSERT INTO users (name, mood) VALUES ('ada', 'happy')");

    p.write("src/schema.ts", MORE_MODELS);
    ok(p.cli("migrate", "-m", "posts"));
    ok(p.cli("upgrade", "+1"));
    await query(db.url, "INSERT INTO posts (user_id) VALUES (1)");
    assert.match(ok(p.cli("check")).stdout, /No differences/);
    assert.match(ok(p.cli("migrate", "-m", "noop")).stdout, /No changes detected/);
    assert.equal(p.migrations().length, 2);

    ok(p.cli("downgrade", "-1"));
    assert.deepEqual(await query(db.url, "SELECT name, mood FROM users"), [{ name: "ada", mood: "happy" }]);
    ok(p.cli("downgrade", "base"));
    assert.deepEqual(
      (await query(db.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => r.tablename),
      ["apscheduler_jobs", "driftwood_version", "driftwood_version_applied"],
    );
    ok(p.cli("upgrade", "head"));
    assert.deepEqual(await query(db.url, "SELECT version_num FROM driftwood_version"), [
      { version_num: p.migrations().find((f) => f.endsWith("_posts.ts"))!.slice(0, 12) },
    ]);
    assert.match(ok(p.cli("check")).stdout, /No differences/);
  } finally {
    p.remove();
    await db.drop();
  }
});

test("a password in the URL is never printed", () => {
  const p = tempProject();
  try {
    p.write(
      "driftwood.config.ts",
      `export default { dialect: "postgresql", schema: "./s.ts", url: "postgres://postgres:hunter2secret@127.0.0.1:1/nowhere" };\n`,
    );
    const r = p.cli("current");
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr.split("\n")[0]!, /^error: .*127\.0\.0\.1/);
    assert.doesNotMatch(r.stdout + r.stderr, /hunter2secret/);
  } finally {
    p.remove();
  }
});
