import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { connectPostgres, postgresDialect } from "@driftwood/dialect-postgres";
import { scratchPostgres, type ScratchDb } from "@driftwood/testkit";
import { tempProject, type CliResult, type TempProject } from "./project.ts";
import {
  branchAndMerge,
  creating,
  editedMigration,
  everyCommand,
  failingMigration,
  handWritten,
  ok,
  programmaticApi,
  query,
  tables,
  unknownRevision,
  type Target,
} from "./workflow.ts";

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), "../src/bin.ts");

function postgres(db: ScratchDb): Target {
  return {
    dialect: postgresDialect,
    name: "postgresql",
    url: db.url,
    queryUrl: () => db.url,
    users: `import { pgTable, integer, text } from "drizzle-orm/pg-core";
export const users = pgTable("users", { id: integer("id").primaryKey(), name: text("name").notNull() });
`,
    usersWithEmail: `import { pgTable, integer, text, index } from "drizzle-orm/pg-core";
export const users = pgTable("users", { id: integer("id").primaryKey(), name: text("name").notNull(), email: text("email") },
  (t) => [index("users_email_idx").on(t.email)]);
`,
    tablesSql: "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    columnsSql: (table) => `SELECT column_name AS name FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`,
  };
}

/** Runs `scenario` on a scratch PostgreSQL database, dropped afterwards. */
const onScratch = (scenario: (t: Target) => Promise<void>) => async () => {
  const db = await scratchPostgres();
  try {
    await scenario(postgres(db));
  } finally {
    await db.drop();
  }
};

test("PostgreSQL: every command of the workflow, as a user types it", onScratch(everyCommand));
test("PostgreSQL: two branches are refused by upgrade head, merged, then upgraded together", onScratch(branchAndMerge));
test("PostgreSQL: a migration failing halfway leaves the previous revision and names file and statement", onScratch(failingMigration));
test("PostgreSQL: an applied migration edited afterwards is reported until accepted", onScratch(editedMigration));
test("PostgreSQL: a version row no file defines is diagnosed and fixed by stamp", onScratch(unknownRevision));
test("PostgreSQL: migrate() and pending() for applications; which migration adds a column check finds missing", onScratch(programmaticApi));

/** `driftwood ARGS` in the project folder, without waiting for it. */
function cliAsync(p: TempProject, args: string[]): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], { cwd: p.dir });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

test("PostgreSQL: 8 processes upgrading one database at once apply every migration exactly once", onScratch(async (t) => {
  const p = tempProject();
  try {
    p.write("driftwood.config.ts", `export default ${JSON.stringify({ dialect: "postgresql", schema: "./src/schema.ts", url: t.url })};\n`);
    creating(p, "a80000000001", "items", [], "items", ["id", "qty"]);
    // Built concurrently, outside the transaction, while the other processes wait for the lock.
    handWritten(
      p,
      "a80000000002",
      "index",
      ["a80000000001"],
      `  op.createIndex({ table: "items", index: { name: "items_qty_idx", columns: [{ value: "qty" }], unique: false, concurrently: true } });`,
      `  op.dropIndex({ table: "items", index: { name: "items_qty_idx", columns: [{ value: "qty" }], unique: false, concurrently: true } });`,
    );
    creating(p, "a80000000003", "more", ["a80000000002"], "more");
    const results = await Promise.all(Array.from({ length: 8 }, () => cliAsync(p, ["upgrade", "head"])));
    for (const r of results) ok(r);
    const ran = results.flatMap((r) => r.stdout.split("\n").filter((l) => l.startsWith("Running upgrade")));
    assert.deepEqual(ran.sort(), [
      "Running upgrade <base> -> a80000000001, items",
      "Running upgrade a80000000001 -> a80000000002, index",
      "Running upgrade a80000000002 -> a80000000003, more",
    ]);
    assert.equal(results.filter((r) => r.stdout === "Already up to date: nothing to upgrade.\n").length, 7, "one process ran them all under the lock");
    assert.deepEqual(await query(t, p, "SELECT revision, count(*)::int AS n FROM driftwood_version_applied GROUP BY revision ORDER BY revision"), [
      { revision: "a80000000001", n: 1 },
      { revision: "a80000000002", n: 1 },
      { revision: "a80000000003", n: 1 },
    ]);
    assert.deepEqual(await query(t, p, "SELECT version_num FROM driftwood_version"), [{ version_num: "a80000000003" }]);
    assert.deepEqual(await query(t, p, "SELECT indexname FROM pg_indexes WHERE tablename = 'items'"), [{ indexname: "items_qty_idx" }]);
  } finally {
    p.remove();
  }
}));

const MODELS = `import { pgTable, pgEnum, integer, text, timestamp, index, uniqueIndex } from "drizzle-orm/pg-core";
export const mood = pgEnum("mood", ["happy", "sad"]);
export const users = pgTable("users", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  name: text("name").notNull().default("anonymous"),
  mood: mood("mood"),
}, (t) => [uniqueIndex("users_name_key").on(t.name)]);
`;
const MORE_MODELS = `${MODELS}export const posts = pgTable("posts", {
  id: integer("id").primaryKey(),
  userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  at: timestamp("at").defaultNow(),
}, (t) => [index("posts_user_idx").on(t.userId)]);
`;

test("PostgreSQL: upgrade --sql run by psql on an empty database gives the schema online upgrade gives", async () => {
  const online = await scratchPostgres();
  const offline = await scratchPostgres();
  const p = tempProject();
  try {
    p.write("driftwood.config.ts", `export default ${JSON.stringify({ dialect: "postgresql", schema: "./src/schema.ts", url: online.url })};\n`);
    p.write("offline.config.ts", `export default ${JSON.stringify({ dialect: "postgresql", schema: "./src/schema.ts", url: offline.url })};\n`);
    p.write("src/schema.ts", MODELS);
    ok(p.cli("migrate", "-m", "users"));
    ok(p.cli("upgrade"));
    p.write("src/schema.ts", MORE_MODELS);
    ok(p.cli("migrate", "-m", "posts"));
    ok(p.cli("upgrade"));

    p.write("upgrade.sql", ok(p.cli("upgrade", "--sql")).stdout);
    const psql = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", offline.url, "-f", join(p.dir, "upgrade.sql")], { encoding: "utf8" });
    assert.equal(psql.status, 0, psql.stderr);

    const schemaOf = async (url: string) => {
      const conn = await postgresDialect.connect(url);
      try {
        return postgresDialect.normalize(await conn.introspect());
      } finally {
        await conn.close();
      }
    };
    const built = await schemaOf(offline.url);
    assert.deepEqual(built, await schemaOf(online.url));
    assert.deepEqual(built.tables.map((t) => t.name).sort(), ["driftwood_version", "driftwood_version_applied", "posts", "users"]);
    assert.equal(ok(p.cli("current", "--config", "offline.config.ts")).stdout, `${p.migrations().find((f) => f.endsWith("_posts.ts"))!.slice(0, 12)} (head)\n`);
    ok(p.cli("check", "--config", "offline.config.ts"));
  } finally {
    p.remove();
    await online.drop();
    await offline.drop();
  }
});

test("PostgreSQL lock: a process waiting for the lock does not deadlock the holder's CREATE INDEX CONCURRENTLY", async () => {
  const db = await scratchPostgres();
  const holder = await connectPostgres(db.url);
  const waiter = await connectPostgres(db.url);
  try {
    await holder.execute("CREATE TABLE t (x integer)");
    const order: string[] = [];
    let waiting!: Promise<void>;
    await holder.withLock(async () => {
      waiting = waiter.withLock(async () => void order.push("waiter"));
      // Let the waiter poll a few times before the index build starts waiting for other snapshots.
      await new Promise((r) => setTimeout(r, 500));
      await holder.execute("CREATE INDEX CONCURRENTLY t_x_idx ON t (x)");
      order.push("holder");
    });
    await waiting;
    assert.deepEqual(order, ["holder", "waiter"]);
  } finally {
    await holder.close();
    await waiter.close();
    await db.drop();
  }
});

test("PostgreSQL lock: waiting longer than the timeout fails with one line naming the database and the holder", async () => {
  const db = await scratchPostgres();
  const holder = await connectPostgres(db.url);
  const waiter = await connectPostgres(db.url, { lockTimeoutMs: 600 });
  try {
    await holder.withLock(async () => {
      const [{ pid }] = await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await assert.rejects(
        waiter.withLock(async () => assert.fail("got the lock")),
        (e: Error) => {
          assert.equal(
            e.message,
            `timed out after 0.6 s waiting for the migration lock on ${db.url}; another driftwood process (server pid ${pid}) is migrating: let it finish, or end it, and run again`,
          );
          return true;
        },
      );
    });
    await waiter.withLock(async () => {});
  } finally {
    await holder.close();
    await waiter.close();
    await db.drop();
  }
});
