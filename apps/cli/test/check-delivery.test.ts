// The delivery app on the PostgreSQL server, sharing its database with a job scheduler's tables
// (scheduler.sql): driftwood never writes, checks or drops them; `--shadow-url` makes and drops a
// throwaway database on the server, also when a migration fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { postgresDialect } from "@driftwood/dialect-postgres";
import { PG_SERVER_URL, scratchPostgres } from "@driftwood/testkit";
import { assertNoDifferences, fixtureCopy, ok, pgQuery } from "./pg-fixture.ts";

const SCHEDULER_SQL = resolve(dirname(fileURLToPath(import.meta.url)), "../../../fixtures/delivery/scheduler.sql");

async function execute(url: string, sql: string): Promise<void> {
  const conn = await postgresDialect.connect(url);
  try {
    await conn.execute(sql);
  } finally {
    await conn.close();
  }
}

const schedulerObjects = (url: string) =>
  pgQuery(
    url,
    `SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relname LIKE '%apscheduler%' ORDER BY 1`,
  );

const shadowDatabases = async () =>
  (await pgQuery(PG_SERVER_URL, `SELECT datname FROM pg_database WHERE datname LIKE 'driftwood\\_shadow\\_%'`)).map((r) => r.datname);

test("delivery on PostgreSQL with the scheduler's tables: no change writes nothing and checks clean; a change never names apscheduler_*", async () => {
  const db = await scratchPostgres();
  const app = fixtureCopy("delivery", db.url);
  try {
    await execute(db.url, readFileSync(SCHEDULER_SQL, "utf8"));
    const scheduler = await schedulerObjects(db.url);
    assert.deepEqual(scheduler.map((r) => r.relname), [
      "apscheduler_job_runs",
      "apscheduler_job_runs_id_seq",
      "apscheduler_job_runs_pkey",
      "apscheduler_jobs",
      "apscheduler_jobs_pkey",
      "ix_apscheduler_jobs_next_run_time",
    ]);

    const behind = app.db("check");
    assert.equal(behind.code, 1, behind.stderr);
    assert.match(behind.stdout, /^database is not up to date: it is at base, head is \w+; 2 migration\(s\) pending/);
    assert.match(behind.stdout, /\n  \+ table: the models say table \(id serial not null, [^\n]*\n    migration b8479f9791ec \(migrations\/b8479f9791ec_[\w.]+\) adds it and is not applied yet\n/);
    ok(app.db("upgrade"));
    assertNoDifferences(app.db("check"));
    assert.match(ok(app.db("migrate", "-m", "nothing")).stdout, /No changes detected/);
    assert.equal(app.migrations().length, 2);

    const file = join(app.dir, "schema.ts");
    const models = readFileSync(file, "utf8")
      .replace(
        '  deliveredAt: timestamp("delivered_at", { withTimezone: true }),',
        '  deliveredAt: timestamp("delivered_at", { withTimezone: true }),\n  attempts: integer("attempts").notNull().default(0),',
      )
      .replace('index("deliveries_status_idx").on(t.status)', 'index("deliveries_status_idx").on(t.status), index("deliveries_delivered_at_idx").on(t.deliveredAt)');
    writeFileSync(file, models);
    const differs = app.db("check", "--json");
    assert.equal(differs.code, 1, differs.stderr);
    const report = JSON.parse(differs.stdout);
    assert.deepEqual(
      report.differences.map((d: { kind: string; table: string; column?: string; name?: string }) => [d.kind, d.table, d.column ?? d.name]),
      [
        ["missing", "deliveries", "attempts"],
        ["missing", "deliveries", "deliveries_delivered_at_idx"],
      ],
    );
    assert.equal(report.target, db.url);

    const history = app.migrations();
    ok(app.db("migrate", "-m", "delivery attempts"));
    const [added] = app.migrations().filter((f) => !history.includes(f));
    const migration = readFileSync(join(app.dir, "migrations", added!), "utf8");
    assert.match(migration, /attempts/);
    assert.doesNotMatch(migration, /apscheduler/i);
    ok(app.db("upgrade"));
    assertNoDifferences(app.db("check"));
    ok(app.db("downgrade", "-1"));
    ok(app.db("upgrade"));
    assert.deepEqual(await schedulerObjects(db.url), scheduler, "the scheduler's tables, keys and indexes are untouched");
  } finally {
    app.remove();
    await db.drop();
  }
});

test("check --shadow-url makes a throwaway database on the server and drops it, also when a migration fails", async () => {
  const app = fixtureCopy("delivery", "postgres://nobody@127.0.0.1:1/unreachable");
  try {
    const r = ok(app.db("check", "--shadow-url", PG_SERVER_URL, "--json"));
    const report = JSON.parse(r.stdout);
    assert.equal(report.status, "clean");
    const made = /\/(driftwood_shadow_\w+)$/.exec(report.target)?.[1];
    assert.ok(made, report.target);
    assert.ok(!(await shadowDatabases()).includes(made), `${made} was dropped`);

    const history = app.migrations();
    ok(app.db("revision", "-m", "broken"));
    const [broken] = app.migrations().filter((f) => !history.includes(f));
    const path = join(app.dir, "migrations", broken!);
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(/export function upgrade\(op: MigrationOps\): void \{/, (m) => `${m}\n  op.execute("SELECT no_such_function()");`),
    );
    const failed = app.db("check", "--shadow-url", PG_SERVER_URL);
    assert.equal(failed.code, 1, `${failed.stdout}\n${failed.stderr}`);
    assert.match(failed.stderr, /no_such_function/);
    const failedIn = /scratch database \(dropped\): \S*\/(driftwood_shadow_\w+)/.exec(failed.stderr)?.[1];
    assert.ok(failedIn, failed.stderr);
    assert.ok(!(await shadowDatabases()).includes(failedIn), `${failedIn} was dropped after the failure`);
  } finally {
    app.remove();
  }
});
