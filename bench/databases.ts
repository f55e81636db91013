// Databases made for one benchmark run: uniquely named PostgreSQL databases and SQLite temp files,
// all removed by `dropAll()`. Names carry the process id, so that leftovers of a run that was
// killed (tsx kills its child on Ctrl-C) are found and removed by the next run.
import { randomBytes } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchDialect } from "./generate.ts";
import { requirePeer } from "./peers.ts";

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): { get(): Record<string, unknown> };
  close(): void;
}

const pg = requirePeer<{ Client: new (options: { connectionString: string }) => PgClient }>("pg");
const BetterSqlite = requirePeer<new (path: string) => SqliteDatabase>("better-sqlite3");

export const pgServerUrl = process.env.DRIFTWOOD_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function withPg<T>(url: string, fn: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const pgPrefix = "dw_bench_p";
/** The prefix of every temp folder of a run. */
export const tempPrefix = `driftwood-bench-p${process.pid}-`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Drops the databases and temp folders of earlier runs whose process is gone. */
export async function sweepLeftovers(): Promise<void> {
  for (const entry of readdirSync(tmpdir())) {
    const pid = /^driftwood-bench-p(\d+)-/.exec(entry)?.[1];
    if (pid && !isAlive(Number(pid))) rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
  await withPg(pgServerUrl, async (c) => {
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE '${pgPrefix}%'`);
    for (const { datname } of rows as { datname: string }[]) {
      const pid = Number(/^dw_bench_p(\d+)_/.exec(datname)?.[1]);
      if (pid && !isAlive(pid)) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}

export class Databases {
  private readonly pgNames: string[] = [];
  private readonly sqliteFiles: string[] = [];
  private counter = 0;

  constructor(private readonly sqliteDir: string) {}

  /** A new, empty database; its URL (PostgreSQL) or file path (SQLite). */
  async create(dialect: BenchDialect): Promise<string> {
    const id = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}_${this.counter++}`;
    if (dialect === "sqlite") {
      const file = join(this.sqliteDir, `bench_${id}.db`);
      this.sqliteFiles.push(file);
      new BetterSqlite(file).close();
      return file;
    }
    const name = `${pgPrefix}${process.pid}_${id}`;
    await withPg(pgServerUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    this.pgNames.push(name);
    const url = new URL(pgServerUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  /** Runs a migration script (drizzle-kit's SQL, statements separated by breakpoints) on `url`. */
  async apply(dialect: BenchDialect, url: string, script: string): Promise<void> {
    if (dialect === "sqlite") {
      const db = new BetterSqlite(url);
      try {
        db.exec(script.split("--> statement-breakpoint").join("\n"));
      } finally {
        db.close();
      }
      return;
    }
    // In batches: one query is one transaction, and 10,000 tables' locks overflow PostgreSQL's lock table.
    const statements = script.split("--> statement-breakpoint");
    await withPg(url, async (c) => {
      for (let i = 0; i < statements.length; i += 500) await c.query(statements.slice(i, i + 500).join("\n"));
    });
  }

  /** Removes one database made by `create`. */
  async drop(dialect: BenchDialect, url: string): Promise<void> {
    if (dialect === "sqlite") {
      rmSync(url, { force: true });
      return;
    }
    const name = new URL(url).pathname.slice(1);
    await withPg(pgServerUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    this.pgNames.splice(this.pgNames.indexOf(name), 1);
  }

  async dropAll(): Promise<void> {
    for (const file of this.sqliteFiles.splice(0)) rmSync(file, { force: true });
    const names = this.pgNames.splice(0);
    if (names.length === 0) return;
    await withPg(pgServerUrl, async (c) => {
      for (const name of names) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  }
}

export async function serverVersions(): Promise<{ postgresql: string; sqlite: string }> {
  const postgresql = await withPg(pgServerUrl, async (c) => String((await c.query("SHOW server_version")).rows[0].server_version));
  const db = new BetterSqlite(":memory:");
  const sqlite = String(db.prepare("SELECT sqlite_version() AS v").get().v);
  db.close();
  return { postgresql, sqlite };
}
