import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { sqliteDialect } from "@driftwood/dialect-sqlite";
import { tempProject, type CliResult, type TempProject, queryDb } from "./project.ts";

const USERS = `import { sqliteTable, integer, text } from "drizzle-orm/sqlite-core";
export const users = sqliteTable("users", { id: integer("id").primaryKey(), name: text("name").notNull() });
`;
const USERS_WITH_EMAIL = `import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
export const users = sqliteTable("users", { id: integer("id").primaryKey(), name: text("name").notNull(), email: text("email") },
  (t) => [index("users_email_idx").on(t.email)]);
`;

function sqliteProject(models = USERS): TempProject {
  const p = tempProject();
  p.write("driftwood.config.ts", `export default { dialect: "sqlite", schema: "./src/schema.ts", url: "./app.db" };\n`);
  p.write("src/schema.ts", models);
  return p;
}

const query = (p: TempProject, sql: string) => queryDb(sqliteDialect, join(p.dir, "app.db"), sql);

function ok(r: CliResult): CliResult {
  assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The error's first line, after checking that the command failed with `code`. */
function failure(r: CliResult, code: number): string {
  assert.equal(r.code, code, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  const first = r.stderr.split("\n")[0]!;
  assert.match(first, /^error: \S/);
  return first;
}

test("migrate, upgrade, current, downgrade, upgrade: the whole cycle on SQLite", async () => {
  const p = sqliteProject();
  try {
    const first = ok(p.cli("migrate", "-m", "create users"));
    assert.match(first.stdout, /table users:\n  \+ table/);
    const [file] = p.migrations();
    assert.match(file!, /^[0-9a-f]{12}_create_users\.ts$/);
    const rev1 = file!.slice(0, 12);
    assert.match(readFileSync(join(p.dir, "migrations", file!), "utf8"), /op\.createTable\(/);

    assert.match(ok(p.cli("upgrade")).stdout, new RegExp(`Running upgrade <base> -> ${rev1}, create users`));
    assert.equal(ok(p.cli("current")).stdout, `${rev1} (head)\n`);
    await query(p, `INSERT INTO users (id, name) VALUES (1, 'ada')`);

    p.write("src/schema.ts", USERS_WITH_EMAIL);
    ok(p.cli("migrate", "-m", "add email"));
    const rev2 = p.migrations().find((f) => f.endsWith("_add_email.ts"))!.slice(0, 12);
    ok(p.cli("upgrade", "head"));
    assert.equal(ok(p.cli("current")).stdout, `${rev2} (head)\n`);
    assert.deepEqual(await query(p, "SELECT id, name, email FROM users"), [{ id: 1, name: "ada", email: null }]);
    assert.match(ok(p.cli("check")).stdout, /No differences/);

    ok(p.cli("downgrade", "-1"));
    assert.equal(ok(p.cli("current")).stdout, `${rev1}\n`);
    assert.deepEqual(await query(p, "SELECT * FROM users"), [{ id: 1, name: "ada" }], "downgrade keeps the rows");

    ok(p.cli("downgrade", "base"));
    assert.equal(ok(p.cli("current")).stdout, "");
    assert.deepEqual(await query(p, "SELECT name FROM sqlite_master WHERE name = 'users'"), []);
    ok(p.cli("upgrade", "head"));
    assert.equal(ok(p.cli("current")).stdout, `${rev2} (head)\n`);
    assert.deepEqual(
      (await query(p, "SELECT revision FROM driftwood_version_applied ORDER BY revision")).map((r) => r.revision).sort(),
      [rev1, rev2].sort(),
    );
    assert.match(ok(p.cli("history")).stdout, new RegExp(`^${rev1} -> ${rev2} \\(head\\), add email\\n<base> -> ${rev1}, create users\\n$`));
  } finally {
    p.remove();
  }
});

test("migrate writes nothing when the models match, and refuses when the database is behind", () => {
  const p = sqliteProject();
  try {
    ok(p.cli("migrate", "-m", "create users"));
    assert.equal(failure(p.cli("migrate", "-m", "again"), 1).includes("target database is not up to date"), true);
    assert.equal(p.migrations().length, 1);
    ok(p.cli("upgrade"));
    const r = ok(p.cli("migrate", "-m", "nothing"));
    assert.match(r.stdout, /No changes detected.*nothing written/);
    assert.equal(p.migrations().length, 1);
    p.write("src/schema.ts", USERS_WITH_EMAIL);
    assert.match(ok(p.cli("migrate", "-m", "peek", "--dry-run")).stdout, /\+ column email text null[\s\S]*Dry run: nothing written/);
    assert.equal(p.migrations().length, 1);
  } finally {
    p.remove();
  }
});

test("check exits 1 with a per-table difference, and when the database is not at head", () => {
  const p = sqliteProject();
  try {
    ok(p.cli("migrate", "-m", "create users"));
    const behind = p.cli("check");
    assert.equal(behind.code, 1);
    assert.match(behind.stdout, /database is not up to date: it is at base, head is [0-9a-f]{12}; 1 migration\(s\) pending/);
    ok(p.cli("upgrade"));
    p.write("src/schema.ts", USERS_WITH_EMAIL);
    const differs = p.cli("check");
    assert.equal(differs.code, 1);
    assert.match(
      differs.stdout,
      /table users \(src\/schema.ts:2\):\n  \+ column email: the models say text null; the database lacks it\n  \+ index users_email_idx: the models say index \(email\); the database lacks it/,
    );
    const [file] = p.migrations();
    p.write(`migrations/${file}`, `${readFileSync(join(p.dir, "migrations", file!), "utf8")}// edited\n`);
    assert.match(p.cli("check").stdout, new RegExp(`^warning: migrations/${file} was edited after it was applied`));
  } finally {
    p.remove();
  }
});

test("upgrade --sql prints the plan without touching the database", () => {
  const p = sqliteProject();
  try {
    ok(p.cli("migrate", "-m", "create users"));
    const r = ok(p.cli("upgrade", "--sql"));
    assert.match(r.stdout, /CREATE TABLE IF NOT EXISTS "driftwood_version"[\s\S]*BEGIN;\nCREATE TABLE "users"[\s\S]*INSERT INTO "driftwood_version" \("version_num"\) VALUES \('[0-9a-f]{12}'\);[\s\S]*COMMIT;/);
    assert.equal(ok(p.cli("current")).stdout, "");
    const down = ok(p.cli("downgrade", "--sql", "head:base"));
    assert.match(down.stdout, /BEGIN;\nDROP TABLE "users";\nDELETE FROM "driftwood_version" WHERE "version_num" = '[0-9a-f]{12}';/);
  } finally {
    p.remove();
  }
});

test("a failing migration is rolled back and named", async () => {
  const p = sqliteProject();
  try {
    ok(p.cli("migrate", "-m", "create users"));
    ok(p.cli("upgrade"));
    ok(p.cli("revision", "-m", "broken"));
    const file = p.migrations().find((f) => f.endsWith("_broken.ts"))!;
    const path = join(p.dir, "migrations", file);
    const source = readFileSync(path, "utf8");
    p.write(
      `migrations/${file}`,
      source.replace(/export function upgrade\(op: MigrationOps\): void \{/, `$&\n  op.addColumn({ table: "users", column: { name: "age", type: "integer", notNull: false } });\n  op.execute("INSERT INTO nowhere VALUES (1)");`),
    );
    const first = failure(p.cli("upgrade"), 1);
    assert.match(first, new RegExp(`upgrade [0-9a-f]{12} failed in .*${file}: no such table: nowhere; it was rolled back`));
    assert.match(p.cli("upgrade").stderr, /statement: INSERT INTO nowhere VALUES \(1\)/);
    assert.deepEqual(await query(p, "SELECT name FROM pragma_table_info('users') WHERE name = 'age'"), []);
    assert.equal(ok(p.cli("current")).stdout.trim(), p.migrations().find((f) => f.endsWith("_create_users.ts"))!.slice(0, 12));
  } finally {
    p.remove();
  }
});

test("bad inputs fail with one line and change nothing", () => {
  const p = tempProject();
  try {
    assert.match(failure(p.cli("upgrade"), 2), /no driftwood.config.ts or drizzle.config.ts in .*; run `driftwood init` or pass --config FILE/);
    assert.match(failure(p.cli("current", "--config", "nope.ts"), 2), /config file .*nope.ts not found/);

    p.write("driftwood.config.ts", `export default { dialect: "sqlite", schema: "./src/missing.ts", url: "./app.db" };\n`);
    assert.match(failure(p.cli("migrate", "-m", "x"), 2), /schema .*src\/missing.ts matches no file \(from .*driftwood.config.ts\)/);

    p.write("src/missing.ts", `throw new Error("models are broken");\n`);
    assert.match(failure(p.cli("migrate", "-m", "x"), 2), /cannot load model file .*missing.ts: models are broken/);
    assert.deepEqual(p.migrations(), []);

    p.write("driftwood.config.ts", `export default { dialect: "sqlite", schema: "./src/missing.ts", url: "./no/such/dir/app.db" };\n`);
    assert.match(failure(p.cli("current"), 1), /cannot open SQLite database .*no\/such\/dir\/app.db/);

    p.write("driftwood.config.ts", `export default { dialect: "turso", schema: "./s.ts" };\n`);
    assert.match(failure(p.cli("current"), 2), /unsupported dialect "turso" in .*driftwood.config.ts; set dialect to "postgresql" or "sqlite"/);

    p.write("driftwood.config.ts", `export default { dialect: "sqlite", schema: "./src/missing.ts", url: "./app.db" };\n`);
    assert.match(failure(p.cli("upgrade", "deadbeef"), 2), /unknown revision deadbeef/);
    assert.match(failure(p.cli("frobnicate"), 2), /Unknown argument: frobnicate/);
    assert.equal(existsSync(join(p.dir, "migrations")), false);
  } finally {
    p.remove();
  }
});

test("merge joins two heads; heads, branches and show describe the graph", () => {
  const p = sqliteProject();
  try {
    ok(p.cli("revision", "-m", "root"));
    const root = p.migrations()[0]!.slice(0, 12);
    for (const [id, name] of [["aaaaaaaaaaaa", "left"], ["bbbbbbbbbbbb", "right"]]) {
      p.write(
        `migrations/${id}_${name}.ts`,
        `export const revision = "${id}";\nexport const parents = ["${root}"];\nexport const message = "${name}";\nexport function upgrade() {}\nexport function downgrade() {}\n`,
      );
    }
    assert.equal(ok(p.cli("heads")).stdout, "aaaaaaaaaaaa (head)\nbbbbbbbbbbbb (head)\n");
    assert.match(ok(p.cli("branches")).stdout, new RegExp(`<base> -> ${root} \\(branchpoint\\), root\\n    -> ${root} -> aaaaaaaaaaaa \\(head\\), left`));
    assert.match(failure(p.cli("upgrade"), 2), /there are 2 heads \(aaaaaaaaaaaa, bbbbbbbbbbbb\)/);
    ok(p.cli("upgrade", "heads"));
    assert.match(failure(p.cli("migrate", "-m", "x"), 2), /the migrations have 2 heads \(aaaaaaaaaaaa, bbbbbbbbbbbb\); join them first/);
    assert.equal(ok(p.cli("current")).stdout, "aaaaaaaaaaaa (head)\nbbbbbbbbbbbb (head)\n");
    ok(p.cli("merge", "-m", "join", "aaaa", "bbbb"));
    const merge = p.migrations().find((f) => f.endsWith("_join.ts"))!.slice(0, 12);
    assert.equal(ok(p.cli("heads")).stdout, `${merge} (head)\n`);
    ok(p.cli("upgrade"));
    assert.equal(ok(p.cli("current")).stdout, `${merge} (head)\n`);
    assert.match(ok(p.cli("show", merge)).stdout, new RegExp(`Rev: ${merge} \\(head, mergepoint\\)\\nParent: aaaaaaaaaaaa, bbbbbbbbbbbb`));
    ok(p.cli("downgrade", "aaaa"));
    assert.equal(ok(p.cli("current")).stdout, "aaaaaaaaaaaa\nbbbbbbbbbbbb\n", "only the merge descends from aaaa");
    ok(p.cli("stamp", "head"));
    assert.equal(ok(p.cli("current")).stdout, `${merge} (head)\n`);
  } finally {
    p.remove();
  }
});

test("init writes a config the other commands read, and never overwrites one", () => {
  const p = tempProject();
  try {
    assert.match(ok(p.cli("init", "--dialect", "sqlite", "--schema", "./src/schema.ts", "--url", "./app.db")).stdout, /Wrote driftwood.config.ts and migrations\//);
    p.write("src/schema.ts", USERS);
    ok(p.cli("migrate", "-m", "first"));
    assert.equal(p.migrations().length, 1);
    assert.match(failure(p.cli("init"), 2), /driftwood.config.ts already exists; edit it, or remove it to start over/);
  } finally {
    p.remove();
  }
});

test("the launcher loads TypeScript configs and models outside an ES module package", () => {
  const p = sqliteProject();
  try {
    ok(p.launch("migrate", "-m", "create users"));
    ok(p.launch("upgrade"));
    assert.match(ok(p.launch("current")).stdout, /^[0-9a-f]{12} \(head\)\n$/);
  } finally {
    p.remove();
  }
});


test("the launcher loads models with top-level await in an ES module package, and CommonJS models", async () => {
  const p = tempProject();
  try {
    p.write("package.json", `{ "type": "module" }\n`);
    p.write("driftwood.config.ts", `export default { dialect: "sqlite", schema: ["./src/users.ts", "./src/games.cjs"], url: "./app.db" };\n`);
    p.write("src/users.ts", `${USERS}const suffix: string = await Promise.resolve("s");\nexport const posts = sqliteTable("post" + suffix, { id: integer("id").primaryKey() });\n`);
    p.write("src/games.cjs", `const { sqliteTable, integer } = require("drizzle-orm/sqlite-core");\nmodule.exports = { games: sqliteTable("games", { id: integer("id").primaryKey() }) };\n`);
    ok(p.launch("migrate", "-m", "create"));
    ok(p.launch("upgrade"));
    const rows = await query(p, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'driftwood%' ORDER BY name");
    assert.deepEqual(rows.map((r) => r.name), ["games", "posts", "users"]);
    assert.match(ok(p.launch("check")).stdout, /No differences/);
  } finally {
    p.remove();
  }
});
test("check --shadow applies every migration to an empty database and compares that", () => {
  const p = sqliteProject();
  try {
    ok(p.cli("migrate", "-m", "create users"));
    assert.match(ok(p.cli("check", "--shadow")).stdout, /No differences: the migrations produce the models/);
    assert.equal(ok(p.cli("current")).stdout, "", "the live database is left alone");
    p.write("src/schema.ts", USERS_WITH_EMAIL);
    const r = p.cli("check", "--shadow");
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /the migrations applied to an empty database differ from the models[\s\S]*\+ column email: the models say text null; the migrations do not make it/);
    assert.match(failure(p.cli("check", "--shadow", ":memory:"), 2), /Unknown argument: :memory:/);
  } finally {
    p.remove();
  }
});

test("a database at a revision the folder lacks is named, not guessed at", () => {
  const p = sqliteProject();
  try {
    ok(p.cli("migrate", "-m", "create users"));
    ok(p.cli("upgrade"));
    const [file] = p.migrations();
    rmSync(join(p.dir, "migrations", file!));
    for (const command of [["upgrade"], ["downgrade", "base"], ["current"]]) {
      assert.match(failure(p.cli(...command), 2), new RegExp(`the database is at revision ${file!.slice(0, 12)}, which no file in .*migrations defines`));
    }
  } finally {
    p.remove();
  }
});
