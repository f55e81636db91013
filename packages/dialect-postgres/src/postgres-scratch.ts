// Throwaway databases for `check --shadow`: PGlite in memory by default, else one made on a server.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DatabaseError, type ScratchDatabase } from "@driftwood/schema";
import { connectPostgres, maskUrl } from "./postgres-connect.ts";
import { quote } from "./postgres-quote.ts";

/**
 * An empty database: PGlite in memory without `at`; a fresh data folder under a `pglite:<folder>`;
 * else a uniquely named database created on the server `at` names, dropped (with its sessions) by `drop()`.
 */
export async function postgresScratch(at?: string): Promise<ScratchDatabase> {
  if (at === undefined) return { url: "pglite://memory", drop: async () => {} };
  if (/^pglite:/i.test(at)) {
    const parent = at.replace(/^pglite:(\/\/)?/i, "");
    mkdirSync(parent, { recursive: true });
    const dir = mkdtempSync(join(parent, "driftwood-shadow-"));
    return { url: `pglite:${dir}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  let url: URL;
  try {
    url = new URL(at);
  } catch {
    throw new DatabaseError(`cannot read the server URL ${maskUrl(at)}; give postgres://user@host:5432/postgres`);
  }
  const name = `driftwood_shadow_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await onServer(at, `CREATE DATABASE ${quote(name)}`);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(at, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`) };
}

async function onServer(server: string, sql: string): Promise<void> {
  const conn = await connectPostgres(server);
  try {
    await conn.execute(sql);
  } finally {
    await conn.close();
  }
}
