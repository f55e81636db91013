// Databases made for one benchmark run: uniquely named PostgreSQL databases and SQLite temp files,
// all removed by `dropAll()`.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
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
    const name = `dw_bench_${id}`;
    await withPg(pgServerUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    this.pgNames.push(name);
    const url = new URL(pgServerUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  /** Runs a migration script (drizzle-kit's SQL, statements separated by breakpoints) on `url`. */
  async apply(dialect: BenchDialect, url: string, script: string): Promise<void> {
    const sql = script.split("--> statement-breakpoint").join("\n");
    if (dialect === "sqlite") {
      const db = new BetterSqlite(url);
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
      return;
    }
    await withPg(url, (c) => c.query(sql));
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
