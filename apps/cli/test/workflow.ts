// The migration workflow as a user runs it, written once and run on each dialect.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Dialect, DialectName } from "@driftwood/schema";
import { explainMissing } from "@driftwood/core";
import { check, migrate, openProject, pending } from "../src/index.ts";
import { queryDb, tempProject, type CliResult, type TempProject } from "./project.ts";

/** What differs between dialects in these scenarios. */
export interface Target {
  dialect: Dialect;
  name: DialectName;
  /** The URL the config names (relative to the project folder for SQLite). */
  url: string;
  /** The URL to query the database at from the test. */
  queryUrl(p: TempProject): string;
  /** drizzle models: a users table, then the same with an email column and an index on it. */
  users: string;
  usersWithEmail: string;
  tablesSql: string;
  columnsSql(table: string): string;
}

export function ok(r: CliResult): CliResult {
  assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The error's first line, after checking that the command failed with `code`. */
export function failure(r: CliResult, code: number): string {
  assert.equal(r.code, code, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  const first = r.stderr.split("\n")[0]!;
  assert.match(first, /^error: \S/);
  return first;
}

export function project(t: Target): TempProject {
  const p = tempProject();
  p.write("driftwood.config.ts", `export default ${JSON.stringify({ dialect: t.name, schema: "./src/schema.ts", url: t.url })};\n`);
  p.write("src/schema.ts", t.users);
  return p;
}

export const query = (t: Target, p: TempProject, sql: string) => queryDb(t.dialect, t.queryUrl(p), sql);
const names = async (t: Target, p: TempProject, sql: string) => (await query(t, p, sql)).map((r) => String(r.name));
export const tables = (t: Target, p: TempProject) => names(t, p, t.tablesSql);
export const columns = (t: Target, p: TempProject, table: string) => names(t, p, t.columnsSql(table));
const versions = async (t: Target, p: TempProject) =>
  (await query(t, p, "SELECT version_num FROM driftwood_version ORDER BY 1")).map((r) => r.version_num);

/** The revision id of the migration whose file name ends with `_<slug>.ts`. */
export function revisionOf(p: TempProject, slug: string): string {
  const file = p.migrations().find((f) => f.endsWith(`_${slug}.ts`));
  assert.ok(file, `no migration ${slug} in ${p.migrations().join(", ")}`);
  return file.slice(0, 12);
}

const table = (name: string, cols: string[]) =>
  `{ name: ${JSON.stringify(name)}, columns: [${cols.map((c) => `{ name: ${JSON.stringify(c)}, type: "integer", notNull: false }`).join(", ")}], foreignKeys: [], uniques: [], checks: [], indexes: [] }`;

/** Writes a hand-written migration file; `upgrade`/`downgrade` are bodies of op calls. */
export function handWritten(p: TempProject, id: string, slug: string, parents: string[], upgrade: string, downgrade: string): void {
  p.write(
    `migrations/${id}_${slug}.ts`,
    `export const revision = "${id}";\nexport const parents = ${JSON.stringify(parents)};\nexport const message = "${slug}";\n` +
      `export function upgrade(op) {\n${upgrade}\n}\nexport function downgrade(op) {\n${downgrade}\n}\n`,
  );
}

/** A migration creating table `name` with integer columns `cols`, and dropping it on the way down. */
export function creating(p: TempProject, id: string, slug: string, parents: string[], name: string, cols = ["id"]): void {
  handWritten(p, id, slug, parents, `  op.createTable({ table: ${table(name, cols)} });`, `  op.dropTable({ table: ${table(name, cols)} });`);
}

/**
 * init, read-only commands on a database that does not exist yet, migrate (--dry-run too),
 * revision, upgrade/downgrade by prefix, +N, -N, head, heads and base, --sql ranges, current,
 * heads, history (-r, --verbose), show (--sql), stamp and branches.
 */
export async function everyCommand(t: Target): Promise<void> {
  const p = tempProject();
  try {
    const init = ok(p.cli("init", "--dialect", t.name, "--schema", "./src/schema.ts", "--url", t.url));
    assert.match(init.stdout, /^Wrote driftwood\.config\.ts and migrations\/\n/);
    p.write("src/schema.ts", t.users);
    assert.equal(ok(p.cli("current")).stdout, "");
    assert.equal(ok(p.cli("history")).stdout, "");
    if (t.name === "sqlite") assert.equal(existsSync(join(p.dir, "app.db")), false, "read-only commands create no database file");

    const dry = ok(p.cli("migrate", "-m", "create users", "--dry-run"));
    assert.match(dry.stdout, /table users:\n  \+ table \(id integer not null, name text not null\)[\s\S]*\nSQL:\nCREATE TABLE "users" \([^;]*"name" text NOT NULL[^;]*\);\n\nDry run: nothing written\.\n$/);
    assert.deepEqual(p.migrations(), []);
    ok(p.cli("migrate", "-m", "create users"));
    const rev1 = revisionOf(p, "create_users");

    assert.match(ok(p.cli("upgrade", rev1.slice(0, 5))).stdout, new RegExp(`^Running upgrade <base> -> ${rev1}, create users\\n$`));
    assert.deepEqual(await columns(t, p, "users"), ["id", "name"]);
    p.write("src/schema.ts", t.usersWithEmail);
    ok(p.cli("migrate", "-m", "add email"));
    const rev2 = revisionOf(p, "add_email");
    ok(p.cli("revision", "-m", "seed"));
    const rev3 = revisionOf(p, "seed");
    assert.equal(ok(p.cli("heads")).stdout, `${rev3} (head)\n`);
    assert.equal(ok(p.cli("current")).stdout, `${rev1}\n`);

    assert.equal(ok(p.cli("history", "-r", `${rev1}:${rev2}`)).stdout, `${rev1} -> ${rev2}, add email\n<base> -> ${rev1}, create users\n`);
    const verbose = ok(p.cli("history", "--verbose")).stdout;
    assert.match(verbose, new RegExp(`^Rev: ${rev3} \\(head\\)\\nParent: ${rev2}\\nPath: migrations/${rev3}_seed\\.ts\\n`));
    assert.match(verbose, new RegExp(`Rev: ${rev1}\\nParent: <base>\\nChildren: ${rev2}\\n`));

    const show = ok(p.cli("show", rev2.slice(0, 6))).stdout;
    assert.match(show, new RegExp(`^Rev: ${rev2}\\nParent: ${rev1}\\n[\\s\\S]*upgrade:\\n  table users:\\n    \\+ column email text null\\n    \\+ index users_email_idx \\(email\\)`));
    const showSql = ok(p.cli("show", rev2, "--sql")).stdout;
    assert.match(showSql, new RegExp(`^-- Running upgrade ${rev1} -> ${rev2}: add email \\(${rev2}_add_email\\.ts\\)\\nBEGIN;\\nALTER TABLE "users" ADD (COLUMN )?"email" text;\\nCREATE INDEX "users_email_idx" ON "users" (USING btree )?\\("email"\\);\\nCOMMIT;\\n$`));
    assert.doesNotMatch(showSql, /driftwood_version/);

    const offline = ok(p.cli("upgrade", "--sql", `${rev1}:${rev2}`)).stdout;
    assert.match(offline, /^CREATE TABLE IF NOT EXISTS "driftwood_version"/);
    assert.match(offline, new RegExp(`ALTER TABLE "users" ADD (COLUMN )?"email" text;\\nCREATE INDEX "users_email_idx" ON "users" (USING btree )?\\("email"\\);\\nUPDATE "driftwood_version" SET "version_num" = '${rev2}' WHERE "version_num" = '${rev1}';\\nINSERT INTO "driftwood_version_applied" \\("revision", "checksum", "applied_at"\\) VALUES \\('${rev2}', '[0-9a-f]{64}', '[^']+'\\);\\nCOMMIT;\\n$`));
    assert.doesNotMatch(offline, /CREATE TABLE "users"/, "the range starts after rev1");
    const offlineDown = ok(p.cli("downgrade", "--sql", `${rev2}:base`)).stdout;
    assert.match(offlineDown, new RegExp(`DROP INDEX [^;]*"users_email_idx";[\\s\\S]*DELETE FROM "driftwood_version_applied" WHERE "revision" = '${rev2}';[\\s\\S]*DROP TABLE "users";\\nDELETE FROM "driftwood_version" WHERE "version_num" = '${rev1}';`));
    assert.deepEqual(await versions(t, p), [rev1], "--sql leaves the database alone");

    assert.match(ok(p.cli("upgrade", "+1")).stdout, new RegExp(`^Running upgrade ${rev1} -> ${rev2}, add email\\n$`));
    assert.match(ok(p.cli("upgrade", "head")).stdout, new RegExp(`^Running upgrade ${rev2} -> ${rev3}, seed\\n$`));
    assert.equal(ok(p.cli("current")).stdout, `${rev3} (head)\n`);
    assert.deepEqual(await columns(t, p, "users"), ["id", "name", "email"]);

    assert.match(ok(p.cli("downgrade", "-1")).stdout, new RegExp(`^Running downgrade ${rev3} -> ${rev2}, seed\\n$`));
    ok(p.cli("downgrade", rev1.slice(0, 4)));
    assert.deepEqual(await columns(t, p, "users"), ["id", "name"]);
    assert.match(ok(p.cli("downgrade", "base")).stdout, new RegExp(`^Running downgrade ${rev1} -> <base>, create users\\n$`));
    assert.deepEqual(await versions(t, p), []);

    assert.equal(ok(p.cli("stamp", rev2.slice(0, 7))).stdout, `Stamped <base> -> ${rev2}\n`);
    assert.deepEqual(await versions(t, p), [rev2]);
    assert.deepEqual(await tables(t, p), ["driftwood_version", "driftwood_version_applied"], "stamp runs no migration");
    assert.equal(ok(p.cli("stamp", "base")).stdout, `Stamped ${rev2} -> <base>\n`);
    assert.deepEqual(await query(t, p, "SELECT revision FROM driftwood_version_applied"), []);
    ok(p.cli("upgrade", "heads"));
    assert.equal(ok(p.cli("stamp", "head")).stdout, `Stamped ${rev3} -> ${rev3}\n`);
    assert.equal(ok(p.cli("branches")).stdout, "", "a straight line has no branch points");
  } finally {
    p.remove();
  }
}

/** Two branches from one parent: `upgrade head` names both heads and `merge`; merged, one upgrade applies both. */
export async function branchAndMerge(t: Target): Promise<void> {
  const p = project(t);
  try {
    creating(p, "c00000000001", "root", [], "root_table");
    creating(p, "c00000000002", "left", ["c00000000001"], "left_table");
    creating(p, "c00000000003", "right", ["c00000000001"], "right_table");
    assert.equal(ok(p.cli("heads")).stdout, "c00000000002 (head)\nc00000000003 (head)\n");
    assert.equal(ok(p.cli("branches")).stdout, "<base> -> c00000000001 (branchpoint), root\n    -> c00000000001 -> c00000000002 (head), left\n    -> c00000000001 -> c00000000003 (head), right\n");
    const refused = failure(p.cli("upgrade", "head"), 2);
    assert.match(refused, /there are 2 heads \(c00000000002, c00000000003\); .*merge them with `driftwood merge`/);
    assert.deepEqual((await tables(t, p)).filter((name) => !name.startsWith("driftwood_")), [], "nothing ran");

    assert.match(ok(p.cli("merge", "-m", "join branches", "c00000000002", "c00000000003")).stdout, /^Wrote migrations\/[0-9a-f]{12}_join_branches\.ts\n$/);
    const merge = revisionOf(p, "join_branches");
    assert.equal(ok(p.cli("heads")).stdout, `${merge} (head)\n`);
    const up = ok(p.cli("upgrade")).stdout;
    assert.equal(
      up,
      [
        "Running upgrade <base> -> c00000000001, root",
        "Running upgrade c00000000001 -> c00000000002, left",
        "Running upgrade c00000000002 -> c00000000002, c00000000003, right",
        `Running upgrade c00000000002, c00000000003 -> ${merge}, join branches`,
        "",
      ].join("\n"),
    );
    assert.deepEqual(await tables(t, p), ["driftwood_version", "driftwood_version_applied", "left_table", "right_table", "root_table"]);
    assert.deepEqual(await query(t, p, "SELECT version_num FROM driftwood_version"), [{ version_num: merge }]);
    assert.equal(ok(p.cli("current")).stdout, `${merge} (head)\n`);
  } finally {
    p.remove();
  }
}

/**
 * A migration whose last statement fails after a schema op and a data step: the database stays
 * at the previous revision with neither change, and the error names the file and the statement.
 */
export async function failingMigration(t: Target): Promise<void> {
  const p = project(t);
  try {
    creating(p, "d00000000001", "items", [], "items");
    handWritten(
      p,
      "d00000000002",
      "broken",
      ["d00000000001"],
      [
        `  op.addColumn({ table: "items", column: { name: "label", type: "text", notNull: false } });`,
        `  op.run(async (db) => { await db.execute("INSERT INTO items (id, label) VALUES (1, 'one')"); }, "first item");`,
        `  op.execute("INSERT INTO nowhere VALUES (1)");`,
      ].join("\n"),
      "",
    );
    ok(p.cli("upgrade", "d00000000001"));
    const r = p.cli("upgrade");
    const first = failure(r, 1);
    assert.match(first, /^error: upgrade d00000000002 failed in .*migrations\/d00000000002_broken\.ts: .*nowhere.*; it was rolled back, fix the migration and run again$/);
    assert.match(r.stderr, /\nstatement: INSERT INTO nowhere VALUES \(1\)\n/);
    assert.equal(ok(p.cli("current")).stdout, "d00000000001\n");
    assert.deepEqual(await columns(t, p, "items"), ["id"], "the added column is rolled back");
    assert.deepEqual(await query(t, p, "SELECT * FROM items"), [], "the data step is rolled back");
    assert.deepEqual(await query(t, p, "SELECT revision FROM driftwood_version_applied"), [{ revision: "d00000000001" }]);
  } finally {
    p.remove();
  }
}

/** An applied migration edited afterwards: current and check warn, upgrade refuses until --accept-edited. */
export async function editedMigration(t: Target): Promise<void> {
  const p = project(t);
  try {
    creating(p, "e00000000001", "items", [], "items");
    creating(p, "e00000000002", "more", ["e00000000001"], "more");
    ok(p.cli("upgrade", "e00000000001"));
    const file = join(p.dir, "migrations", "e00000000001_items.ts");
    p.write("migrations/e00000000001_items.ts", `${readFileSync(file, "utf8")}// edited\n`);

    const current = ok(p.cli("current"));
    assert.equal(current.stdout, "e00000000001\n");
    assert.equal(
      current.stderr,
      "warning: migrations/e00000000001_items.ts (revision e00000000001) was edited after it was applied: never edit an applied migration: create a new one (or accept it: upgrade --accept-edited)\n",
    );
    assert.match(p.cli("check").stdout, /e00000000001_items\.ts was edited after it was applied/);
    const refused = failure(p.cli("upgrade"), 1);
    assert.match(refused, /e00000000001_items\.ts \(revision e00000000001\) was edited after it was applied: never edit an applied migration: create a new one; restore it, or run again with --accept-edited/);
    assert.equal(ok(p.cli("current")).stdout, "e00000000001\n", "the refused upgrade ran nothing");

    const accepted = ok(p.cli("upgrade", "--accept-edited")).stdout;
    assert.equal(accepted, "Accepted migrations/e00000000001_items.ts as edited: its checksum is recorded anew\nRunning upgrade e00000000001 -> e00000000002, more\n");
    const checksum = createHash("sha256").update(readFileSync(file)).digest("hex");
    assert.deepEqual(await query(t, p, "SELECT checksum FROM driftwood_version_applied WHERE revision = 'e00000000001'"), [{ checksum }]);
    assert.equal(ok(p.cli("current")).stderr, "");
  } finally {
    p.remove();
  }
}

/** A version row naming a revision no file has: current says what the database claims, what is near, and the stamp that fixes it. */
export async function unknownRevision(t: Target): Promise<void> {
  const p = project(t);
  try {
    creating(p, "f00000000001", "items", [], "items");
    creating(p, "f00000000002", "more", ["f00000000001"], "more");
    ok(p.cli("upgrade", "f00000000001"));
    await query(t, p, "UPDATE driftwood_version SET version_num = 'f000000000ff'");
    await query(t, p, "INSERT INTO driftwood_version_applied (revision, checksum, applied_at) VALUES ('f000000000ff', 'x', '2999-01-01T00:00:00.000Z')");
    const r = p.cli("current");
    assert.match(failure(r, 2), /^error: the database is at revision f000000000ff, which no file in .*migrations defines/);
    const detail = r.stderr.split("\n").slice(1);
    assert.equal(detail[0], "the database claims: f000000000ff");
    assert.equal(detail[1], "  same prefix: f00000000001, f00000000002");
    assert.equal(detail[2], "  heads of the migrations folder: f00000000002");
    assert.match(detail[3]!, /^ {2}last applied: f000000000ff \(no file\) at 2999-01-01T00:00:00\.000Z, f00000000001 at \d{4}-/);
    assert.equal(detail[4], "fix: restore the missing file from version control, or, if the database's schema is that of f00000000001, run `driftwood stamp f00000000001`");
    assert.match(failure(p.cli("upgrade"), 2), /the database is at revision f000000000ff/);

    assert.equal(ok(p.cli("stamp", "f00000000001")).stdout, "Stamped f000000000ff -> f00000000001\n");
    assert.deepEqual((await query(t, p, "SELECT revision FROM driftwood_version_applied")).map((row) => row.revision), ["f00000000001"]);
    ok(p.cli("upgrade"));
    assert.equal(ok(p.cli("current")).stdout, "f00000000002 (head)\n");
  } finally {
    p.remove();
  }
}

/**
 * The API for applications: `pending` lists what `migrate` would apply, `migrate({ to })` stops
 * there; `explainMissing` says which migration adds a column `check` finds missing.
 */
export async function programmaticApi(t: Target): Promise<void> {
  const p = project(t);
  try {
    p.write("src/schema.ts", t.usersWithEmail);
    handWritten(p, "a10000000001", "users", [], `  op.createTable({ table: { name: "users", columns: [{ name: "id", type: "integer", notNull: true }, { name: "name", type: "text", notNull: true }], primaryKey: { columns: ["id"] }, foreignKeys: [], uniques: [], checks: [], indexes: [] } });`, "");
    handWritten(
      p,
      "a10000000002",
      "email",
      ["a10000000001"],
      `  op.addColumn({ table: "users", column: { name: "email", type: "text", notNull: false } });\n  op.createIndex({ table: "users", index: { name: "users_email_idx", columns: [{ value: "email" }], unique: false } });`,
      "",
    );
    const options = { config: "driftwood.config.ts", cwd: p.dir };
    assert.deepEqual(await pending(options), [
      { revision: "a10000000001", message: "users", file: join(p.dir, "migrations", "a10000000001_users.ts") },
      { revision: "a10000000002", message: "email", file: join(p.dir, "migrations", "a10000000002_email.ts") },
    ]);
    assert.deepEqual(await migrate({ ...options, to: "a10000000001" }), ["a10000000001"]);
    assert.deepEqual((await pending(options)).map((r) => r.revision), ["a10000000002"]);

    const missing = async (schema = "./src/schema.ts") => {
      const project = await openProject({ config: { dialect: t.name, schema, url: t.url }, cwd: p.dir });
      const { current, ops } = await check(project);
      return (await explainMissing(await project.revisions(), current, ops)).map((m) => m.message);
    };
    assert.deepEqual(
      await missing(),
      ["the database lacks column users.email: migration a10000000002 (a10000000002_email.ts) adds it but the database is not at head: run `driftwood upgrade`"],
    );
    // Another file: this process has the first one imported already.
    p.write("src/phone.ts", t.usersWithEmail.replace(/email/g, "phone"));
    assert.deepEqual(await missing("./src/phone.ts"), [
      "the database lacks column users.phone and no migration adds it: run `driftwood migrate -m MESSAGE` to write one",
    ]);

    const steps: string[] = [];
    assert.deepEqual(await migrate({ ...options, onStep: (s) => steps.push(s.revision.id) }), ["a10000000002"]);
    assert.deepEqual(steps, ["a10000000002"]);
    assert.deepEqual(await pending(options), []);
    assert.deepEqual(await migrate(options), [], "nothing left to apply");
  } finally {
    p.remove();
  }
}
