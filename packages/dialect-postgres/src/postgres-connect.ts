// One `Connection` over either driver: node-postgres for `postgres://` URLs, PGlite for `pglite:`.
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { DatabaseError, type Connection, type IntrospectOptions, type QualifiedName, type Schema } from "@driftwood/schema";
import { introspectPostgres, tableNamesPostgres } from "./postgres-introspect.ts";

/** The migration lock's advisory-lock key ("drwd" in ASCII); one constant shared by every process. */
const LOCK_KEY = 0x64727764;

/**
 * `url` with its password replaced by `****`, fit to print. The password runs to the last `@`,
 * so one typed with a raw `@` in it is still hidden whole.
 */
export function maskUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:).*@/i, "$1****@");
}

interface Driver {
  query(sql: string): Promise<Record<string, unknown>[]>;
  execute(sql: string): Promise<void>;
  close(): Promise<void>;
}

async function openPg(url: string, target: string): Promise<Driver> {
  const client = new pg.Client({ connectionString: url });
  // An idle client that loses its server emits 'error'; without a listener that would crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw new DatabaseError(connectMessage(err, url, target));
  }
  return {
    query: async (sql) => (await client.query(sql)).rows,
    execute: async (sql) => void (await client.query(sql)),
    close: () => client.end(),
  };
}

function connectMessage(err: unknown, url: string, target: string): string {
  const e = err as { code?: string; message?: string };
  const detail = maskSecret(e.message ?? String(err), url);
  switch (e.code) {
    case "ECONNREFUSED":
      return `cannot connect to ${target}: connection refused; is PostgreSQL running there?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot connect to ${target}: unknown host; check the host name in the URL`;
    case "3D000":
      return `cannot connect to ${target}: ${detail}; create it or fix the URL`;
    case "28P01":
    case "28000":
      return `cannot connect to ${target}: ${detail}; check the user and password in the URL`;
    default:
      return `cannot connect to ${target}: ${detail}`;
  }
}

/** Removes the URL's password from a driver message, in case the driver quoted it. */
function maskSecret(message: string, url: string): string {
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:(.*)@/i.exec(url)?.[1];
  if (!password) return message;
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // Not percent-encoded: the raw form is the one a driver could quote.
  }
  return message.split(password).join("****").split(decoded).join("****");
}

async function openPglite(url: string, target: string): Promise<Driver> {
  const path = url.replace(/^pglite:(\/\/)?/, "");
  const dataDir = path === "" || path === "memory" ? undefined : path;
  let db: PGlite;
  try {
    // Loaded only here: PGlite takes a quarter of a second to load, which a server URL never needs.
    const { PGlite } = await import("@electric-sql/pglite");
    db = new PGlite(dataDir);
    await db.waitReady;
  } catch (err) {
    throw new DatabaseError(`cannot open ${target}: ${(err as Error).message}`);
  }
  return {
    query: async (sql) => (await db.query<Record<string, unknown>>(sql)).rows,
    execute: async (sql) => void (await db.exec(sql)),
    close: () => db.close(),
  };
}

export interface PostgresConnectOptions {
  /** How long `withLock` waits for another process's migration lock before failing; default 10 minutes. */
  lockTimeoutMs?: number;
}

/** How long `withLock` sleeps between two tries of the lock. */
const LOCK_POLL_MS = 200;

/** Opens a `postgres://`, `postgresql://` or `pglite:` URL. */
export async function connectPostgres(url: string, options: PostgresConnectOptions = {}): Promise<Connection> {
  const target = maskUrl(url);
  let driver: Driver;
  if (/^postgres(ql)?:\/\//i.test(url)) driver = await openPg(url, target);
  else if (/^pglite:/i.test(url)) driver = await openPglite(url, target);
  else throw new DatabaseError(`unsupported PostgreSQL URL ${target}: use postgres://, postgresql:// or pglite:`);
  return new PostgresConnection(driver, target, options.lockTimeoutMs ?? 600_000);
}

class PostgresConnection implements Connection {
  constructor(
    private readonly driver: Driver,
    readonly target: string,
    private readonly lockTimeoutMs: number,
  ) {}

  introspect(options?: IntrospectOptions): Promise<Schema> {
    return introspectPostgres(this, options);
  }

  tables(): Promise<QualifiedName[]> {
    return tableNamesPostgres(this);
  }

  execute(sql: string): Promise<void> {
    return this.driver.execute(sql);
  }

  async query<Row = Record<string, unknown>>(sql: string): Promise<Row[]> {
    return (await this.driver.query(sql)) as Row[];
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.execute("BEGIN");
    try {
      // Released by COMMIT or ROLLBACK, so a crashed migration never leaves the lock behind.
      await this.acquire("pg_try_advisory_xact_lock");
      const result = await fn();
      await this.execute("COMMIT");
      return result;
    } catch (err) {
      await this.execute("ROLLBACK").catch(() => {});
      throw err;
    }
  }

  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire("pg_try_advisory_lock");
    try {
      return await fn();
    } finally {
      await this.execute(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
  }

  /**
   * Polls `lock` (a `pg_try_advisory_*` function) instead of waiting in `pg_advisory_lock`: a
   * waiting statement keeps its snapshot open, and the holder's `CREATE INDEX CONCURRENTLY`
   * waits for every older snapshot to end, so the two would wait for each other for ever.
   */
  private async acquire(lock: string): Promise<void> {
    const deadline = Date.now() + this.lockTimeoutMs;
    for (;;) {
      const [row] = await this.query<{ locked: boolean }>(`SELECT ${lock}(${LOCK_KEY}) AS locked`);
      if (row?.locked) return;
      if (Date.now() >= deadline) {
        const [holder] = await this.query<{ pid: number }>(
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = ${LOCK_KEY}
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1`,
        );
        throw new DatabaseError(
          `timed out after ${this.lockTimeoutMs / 1000} s waiting for the migration lock on ${this.target}; ` +
            `another driftwood process${holder ? ` (server pid ${holder.pid})` : ""} is migrating: let it finish, or end it, and run again`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
