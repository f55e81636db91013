// PGlite (PostgreSQL 18) and the local server (PostgreSQL 15) read the same DDL as the same schema.
import { test } from "node:test";
import assert from "node:assert/strict";
import { scratchPostgres, tempDir } from "@driftwood/testkit";
import { postgresDialect } from "../src/index.ts";
import * as everyFeature from "../../../fixtures/pg-all/schema.ts";
import * as quoting from "./models/quoting.ts";
import { creationOps, introspected, modelSchema, run } from "./helpers.ts";

test("the same DDL introspects identically on PGlite and on the server", async () => {
  const desired = modelSchema({ ...everyFeature, ...quoting });
  const ops = creationOps(desired);
  const db = await scratchPostgres();
  const server = await postgresDialect.connect(db.url);
  const lite = await postgresDialect.connect("pglite://memory");
  try {
    await run(server, ops);
    await run(lite, ops);
    const fromLite = await introspected(lite);
    assert.deepEqual(fromLite, await introspected(server));
    assert.ok(fromLite.tables.length >= 5);
  } finally {
    await lite.close();
    await server.close();
    await db.drop();
  }
});

test("a pglite: URL with a directory keeps the database on disk", async () => {
  const dir = tempDir("driftwood-pglite-");
  try {
    const first = await postgresDialect.connect(`pglite:${dir.dir}/db`);
    await first.execute(`CREATE TABLE "kept" ("id" integer)`);
    await first.close();
    const second = await postgresDialect.connect(`pglite:${dir.dir}/db`);
    try {
      assert.deepEqual((await second.introspect()).tables.map((t) => t.name), ["kept"]);
    } finally {
      await second.close();
    }
  } finally {
    dir.remove();
  }
});
