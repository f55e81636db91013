// Connection errors are one clear line with the password masked; the lock and transaction work.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PG_SERVER_URL, scratchPostgres, uniqueName } from "@driftwood/testkit";
import { DatabaseError } from "@driftwood/schema";
import { maskUrl, postgresDialect } from "../src/index.ts";

const SECRET = "s3cr%40t-pw";
/** The migration lock's key, as the dialect takes it. */
const LOCK_KEY = 0x64727764;

function withPassword(url: string, change: (u: URL) => void): string {
  const u = new URL(url);
  u.password = SECRET;
  change(u);
  return u.toString();
}

async function connectError(url: string): Promise<DatabaseError> {
  const err = await postgresDialect.connect(url).then(
    () => assert.fail(`connected to ${url}`),
    (e: unknown) => e,
  );
  assert.ok(err instanceof DatabaseError, String(err));
  return err;
}

function assertMasked(message: string): void {
  assert.doesNotMatch(message, /s3cr/);
  assert.match(message, /\*\*\*\*/);
  assert.doesNotMatch(message, /\n/);
}

test("maskUrl hides the password and keeps the rest", () => {
  assert.equal(maskUrl("postgres://app:hunter2@db.example:5432/prod"), "postgres://app:****@db.example:5432/prod");
  assert.equal(maskUrl("postgresql://app@db/prod"), "postgresql://app@db/prod");
  assert.equal(maskUrl("pglite:/tmp/x"), "pglite:/tmp/x");
  assert.equal(maskUrl("postgres://app:p@ss:w/rd@db/prod"), "postgres://app:****@db/prod");
});

test("an unreachable port fails with one line naming the masked URL", async () => {
  const err = await connectError(withPassword(PG_SERVER_URL, (u) => (u.port = "1")));
  assertMasked(err.message);
  assert.match(err.message, /127\.0\.0\.1:1/);
  assert.match(err.message, /connection refused/);
});

test("a database that does not exist fails with one line naming it", async () => {
  const missing = uniqueName("dw_missing");
  const err = await connectError(withPassword(PG_SERVER_URL, (u) => (u.pathname = `/${missing}`)));
  assertMasked(err.message);
  assert.match(err.message, new RegExp(`database "${missing}" does not exist`));
});

test("an unsupported URL scheme is refused with the password masked", async () => {
  const err = await connectError(`mysql://root:${SECRET}@localhost/db`);
  assertMasked(err.message);
});

test("a failing transaction rolls back, and the lock is free again afterwards", async () => {
  const db = await scratchPostgres();
  const conn = await postgresDialect.connect(db.url);
  const other = await postgresDialect.connect(db.url);
  try {
    await assert.rejects(
      conn.transaction(async () => {
        await conn.execute(`CREATE TABLE "gone" ("id" integer)`);
        const locks = await other.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = ${LOCK_KEY}
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        assert.equal(locks[0].n, 1);
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.deepEqual((await conn.introspect()).tables, []);
    await conn.withLock(async () => {
      const held = await other.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS ok`);
      assert.equal(held[0].ok, false);
    });
    const free = await other.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS ok`);
    assert.equal(free[0].ok, true);
    await other.execute(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    await conn.transaction(async () => conn.execute(`CREATE TABLE "kept" ("id" integer)`));
    assert.deepEqual((await conn.introspect()).tables.map((t) => t.name), ["kept"]);
  } finally {
    await conn.close();
    await other.close();
    await db.drop();
  }
});
