// A renamed column, as a reviewer meets it: kept with its values by default, drop and add on
// request, and a question (never a guess) when more than one column could be meant.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Dialect } from "@driftwood/schema";
import { sqliteDialect } from "@driftwood/dialect-sqlite";
import { postgresDialect } from "@driftwood/dialect-postgres";
import { scratchPostgres, scratchSqlite, type ScratchDb } from "@driftwood/testkit";
import { queryDb, tempProject, type CliResult } from "./project.ts";

function ok(r: CliResult): CliResult {
  assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

interface Flavour {
  config: string;
  dialect: Dialect;
  scratch: () => Promise<ScratchDb>;
  /** drizzle model source for `users` with these text columns (besides `id`). */
  users: (columns: string[]) => string;
}

const text = (columns: string[]) => columns.map((c) => `${c}: text(${JSON.stringify(c)})${c === "name" || c === "full_name" ? ".notNull()" : ""}`).join(", ");

const sqlite: Flavour = {
  config: "sqlite",
  dialect: sqliteDialect,
  scratch: scratchSqlite,
  users: (columns) =>
    `import { sqliteTable, integer, text } from "drizzle-orm/sqlite-core";\n` +
    `export const users = sqliteTable("users", { id: integer("id").primaryKey(), ${text(columns)} });\n`,
};

const postgres: Flavour = {
  config: "postgresql",
  dialect: postgresDialect,
  scratch: scratchPostgres,
  users: (columns) =>
    `import { pgTable, integer, text } from "drizzle-orm/pg-core";\n` +
    `export const users = pgTable("users", { id: integer("id").primaryKey(), ${text(columns)} });\n`,
};

async function renameScenario(f: Flavour): Promise<void> {
  const db = await f.scratch();
  const p = tempProject();
  const file = (rev: string) => readFileSync(join(p.dir, "migrations", p.migrations().find((m) => m.startsWith(`${rev}_`))!), "utf8");
  try {
    p.write("driftwood.config.ts", `export default { dialect: "${f.config}", schema: "./schema.ts", url: ${JSON.stringify(db.url)} };\n`);
    p.write("schema.ts", f.users(["name", "nickname"]));
    ok(p.cli("migrate", "-m", "users", "--rev-id", "r1"));
    ok(p.cli("upgrade"));
    await queryDb(f.dialect, db.url, `INSERT INTO users (id, name, nickname) VALUES (1, 'ada', 'a'), (2, 'bob', NULL)`);

    // The default: one column of the same shape disappears and one appears, so it is renamed.
    p.write("schema.ts", f.users(["full_name", "nickname"]));
    const renamed = ok(p.cli("migrate", "-m", "full name", "--rev-id", "r2"));
    assert.match(renamed.stdout, /~ column name renamed to full_name/);
    const r2 = file("r2");
    assert.match(
      r2,
      /\n {2}\/\/ inferred rename \(same shape\): to drop and add instead, generate again with --no-rename or replace this line\n {2}op\.renameColumn\(\{ table: "users", from: "name", to: "full_name", inferred: true \}\);\n/,
    );
    assert.doesNotMatch(r2, /dropColumn|addColumn|data loss/);
    ok(p.cli("upgrade"));
    assert.deepEqual(await queryDb(f.dialect, db.url, "SELECT id, full_name, nickname FROM users ORDER BY id"), [
      { id: 1, full_name: "ada", nickname: "a" },
      { id: 2, full_name: "bob", nickname: null },
    ]);
    ok(p.cli("downgrade", "-1"));
    assert.deepEqual(await queryDb(f.dialect, db.url, "SELECT name FROM users ORDER BY id"), [{ name: "ada" }, { name: "bob" }]);

    // --no-rename: drop and add, with the data loss said above the drop.
    rmSync(join(p.dir, "migrations", p.migrations().find((m) => m.startsWith("r2_"))!));
    const dropped = ok(p.cli("migrate", "-m", "full name", "--rev-id", "r3", "--no-rename"));
    assert.match(dropped.stdout, /\nHazards \(3\):\n(?: {2}.*\n)* {2}data-loss: drops column users\.name and its data\n/);
    const r3 = file("r3");
    assert.match(r3, /\n {2}\/\/ data loss: drops column users\.name and its data\n(?: {2}\/\/ .*\n)* {2}op\.dropColumn\(/);
    assert.match(r3, /op\.addColumn\(\{\n? *table: "users",[^]*name: "full_name"/);
    assert.doesNotMatch(r3, /renameColumn/);
    // The older spelling still works.
    rmSync(join(p.dir, "migrations", p.migrations().find((m) => m.startsWith("r3_"))!));
    assert.match(ok(p.cli("migrate", "-m", "again", "--no-renames", "--dry-run")).stdout, /- column name/);
  } finally {
    p.remove();
    await db.drop();
  }
}

test("SQLite: a renamed column keeps every value by default; --no-rename drops and adds, saying so", () => renameScenario(sqlite));

test("PostgreSQL: a renamed column keeps every value by default; --no-rename drops and adds, saying so", () =>
  renameScenario(postgres));

test("in a pipe, two rename candidates fail fast naming both flags and writing nothing; --rename settles it", async () => {
  const db = await scratchSqlite();
  const p = tempProject();
  try {
    p.write("driftwood.config.ts", `export default { dialect: "sqlite", schema: "./schema.ts", url: ${JSON.stringify(db.url)} };\n`);
    p.write("schema.ts", sqlite.users(["name", "nickname"]));
    ok(p.cli("migrate", "-m", "users"));
    ok(p.cli("upgrade"));
    const before = p.migrations();

    p.write("schema.ts", sqlite.users(["name", "alias", "handle"]));
    const r = p.cli("migrate", "-m", "nickname");
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.equal(
      r.stderr.split("\n")[0],
      "error: column users.nickname may have been renamed to users.alias or users.handle: " +
        "pass --rename users.nickname=users.alias or --rename users.nickname=users.handle to rename, " +
        "or --no-rename to drop and add; nothing written",
    );
    assert.deepEqual(p.migrations(), before);

    const settled = ok(p.cli("migrate", "-m", "nickname", "--rename", "users.nickname=users.handle"));
    assert.match(settled.stdout, /~ column nickname renamed to handle/);
    assert.match(settled.stdout, /\+ column alias/);
  } finally {
    p.remove();
    await db.drop();
  }
});
