// Scratch databases for tests: each call makes its own, and `drop()` removes it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server tests use; override with DRIFTWOOD_TEST_PG. */
export const PG_SERVER_URL = process.env.DRIFTWOOD_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface ScratchDb {
  url: string;
  drop(): Promise<void>;
}

export function uniqueName(prefix = "dw_test"): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** A scratch folder, for SQLite files, configs and migrations. */
export function tempDir(prefix = "driftwood-"): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function scratchSqlite(): Promise<ScratchDb> {
  const t = tempDir("driftwood-sqlite-");
  return { url: join(t.dir, "test.db"), drop: async () => t.remove() };
}

export async function scratchPostgres(): Promise<ScratchDb> {
  const name = uniqueName();
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(PG_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
