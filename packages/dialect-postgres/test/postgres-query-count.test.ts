// Introspection reads the whole database with a fixed number of queries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { scratchPostgres } from "@driftwood/testkit";
import type { Connection } from "@driftwood/schema";
import { introspectPostgres, postgresDialect } from "../src/index.ts";

async function countQueries(conn: Connection): Promise<{ queries: number; tables: number }> {
  let queries = 0;
  const schema = await introspectPostgres({
    query: (sql) => {
      queries++;
      return conn.query(sql);
    },
  });
  return { queries, tables: schema.tables.length };
}

function tablesDdl(count: number): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `CREATE TABLE "t${i}" ("id" serial PRIMARY KEY, "name" text NOT NULL UNIQUE, "parent" integer REFERENCES "t${i}" ("id"));` +
      `CREATE INDEX "t${i}_name_idx" ON "t${i}" (lower("name"));`,
  ).join("\n");
}

test("introspecting 5 tables and 200 tables issues the same number of queries", async () => {
  const small = await scratchPostgres();
  const large = await scratchPostgres();
  const a = await postgresDialect.connect(small.url);
  const b = await postgresDialect.connect(large.url);
  try {
    await a.execute(tablesDdl(5));
    await b.execute(tablesDdl(200));
    const five = await countQueries(a);
    const twoHundred = await countQueries(b);
    assert.equal(five.tables, 5);
    assert.equal(twoHundred.tables, 200);
    assert.equal(five.queries, twoHundred.queries);
  } finally {
    await a.close();
    await b.close();
    await small.drop();
    await large.drop();
  }
});

test("include leaves tables out of the schema", async () => {
  const db = await scratchPostgres();
  const conn = await postgresDialect.connect(db.url);
  try {
    await conn.execute(`CREATE SCHEMA "jobs"; ${tablesDdl(3)} CREATE TABLE "jobs"."apscheduler_jobs" ("id" text PRIMARY KEY)`);
    const schema = await conn.introspect({ include: (t) => t.name !== "t1" && t.schema !== "jobs" });
    assert.deepEqual(schema.tables.map((t) => t.name), ["t0", "t2"]);
    const names = (await conn.tables()).sort((x, y) => `${x.schema}.${x.name}`.localeCompare(`${y.schema}.${y.name}`));
    assert.deepEqual(names, [{ schema: "jobs", name: "apscheduler_jobs" }, { schema: undefined, name: "t0" }, { schema: undefined, name: "t1" }, { schema: undefined, name: "t2" }]);
  } finally {
    await conn.close();
    await db.drop();
  }
});
