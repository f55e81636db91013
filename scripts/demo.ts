// The main job on an embedded SQLite database, no server: the trivia fixture's models gained two
// columns on `games`; driftwood brings a database at the previous revision up to date.
//   1. a copy of the trivia app without its last migration, database upgraded to that point, rows inserted;
//   2. `check` finds the model change with no migration; `migrate` writes it; `upgrade` applies it;
//   3. `check` reports no differences, every row is still there; `migrate` again writes nothing.
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "@driftwood/testkit";
import { sqliteDialect } from "@driftwood/dialect-sqlite";

const root = resolve(import.meta.dirname, "..");
const fixture = join(root, "fixtures/trivia");
const cli = join(root, "apps/cli/bin/driftwood.mjs");
const project = tempDir("driftwood-demo-");
const dbPath = join(project.dir, "trivia.db");

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
function db(args: string[], expect = 0): void {
  const shown = args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(" ");
  console.log(bold(`\n$ db ${shown}`));
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: project.dir,
    env: { ...process.env, TRIVIA_DB: dbPath },
    stdio: "inherit",
  });
  if (r.status !== expect) throw new Error(`db ${shown} exited ${r.status}, expected ${expect}`);
}

async function countRows(): Promise<string> {
  const conn = await sqliteDialect.connect(dbPath);
  try {
    const [users] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM users`);
    const [games] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM games`);
    return `${users.n} users, ${games.n} games`;
  } finally {
    await conn.close();
  }
}

async function main(): Promise<void> {
  for (const f of ["schema.ts", "driftwood.config.ts", "migrations"]) {
    cpSync(join(fixture, f), join(project.dir, f), { recursive: true });
  }
  symlinkSync(join(fixture, "node_modules"), join(project.dir, "node_modules"), "dir");
  const migrationsDir = join(project.dir, "migrations");
  const last = readdirSync(migrationsDir).find((f) => f.includes("add_completed_at_and_winners"))!;
  rmSync(join(migrationsDir, last));
  console.log(`A copy of fixtures/trivia in ${project.dir}, without its last migration (${last}).`);

  db(["upgrade", "head"]);
  const conn = await sqliteDialect.connect(dbPath);
  await conn.execute(`INSERT INTO users (username) VALUES ('ada'), ('grace'), ('linus')`);
  await conn.execute(`INSERT INTO games (host_id, title) VALUES (1, 'Friday quiz'), (2, 'Space trivia')`);
  await conn.close();
  console.log(`\nInserted ${await countRows()}.`);

  db(["check"], 1);
  db(["migrate", "-m", "add completed_at and winners to games"]);
  const written = readdirSync(migrationsDir).find((f) => f.includes("add_completed_at_and_winners"))!;
  console.log(bold(`\n$ cat migrations/${written}`));
  console.log(readFileSync(join(migrationsDir, written), "utf8"));
  db(["upgrade"]);
  db(["check"]);
  db(["migrate", "-m", "nothing to do"]);
  db(["history"]);
  console.log(`\nRows after the upgrade: ${await countRows()}.`);
}

main()
  .then(() => project.remove())
  .catch((e) => {
    console.error(`demo failed: ${e instanceof Error ? e.message : e} (project left in ${project.dir})`);
    process.exit(1);
  });
