// Models → database, two ways (drizzle-kit's push, and our own rendered ops): introspecting the
// result gives back exactly the models' schema.
import { test } from "node:test";
import assert from "node:assert/strict";
import { scratchPostgres } from "@driftwood/testkit";
import { postgresDialect } from "../src/index.ts";
import * as everyFeature from "../../../fixtures/pg-all/schema.ts";
import * as quoting from "./models/quoting.ts";
import * as backups from "../../../fixtures/backups/schema.ts";
import * as roles from "../../../fixtures/roles/schema.ts";
import { drizzleKitPush } from "./push.ts";
import { creationOps, introspected, modelSchema, run, withoutBuildHints } from "./helpers.ts";

const pushed = [
  { name: "every feature", models: everyFeature, schemas: ["public", "billing"] },
  { name: "backups fixture", models: backups, schemas: ["public"] },
  { name: "roles fixture", models: roles, schemas: ["public"] },
];

for (const { name, models, schemas } of pushed) {
  test(`a database pushed by drizzle-kit from the ${name} introspects as the models`, async () => {
    const db = await scratchPostgres();
    try {
      const statements = await drizzleKitPush(models, db.url, schemas);
      assert.ok(statements.length > 0);
      const conn = await postgresDialect.connect(db.url);
      try {
        assert.deepEqual(await introspected(conn), withoutBuildHints(modelSchema(models)));
      } finally {
        await conn.close();
      }
    } finally {
      await db.drop();
    }
  });
}

for (const [name, models] of [["every feature", everyFeature], ["odd names", quoting]] as const) {
  test(`a database built from rendered ops for ${name} introspects as the models`, async () => {
    const db = await scratchPostgres();
    const conn = await postgresDialect.connect(db.url);
    try {
      const desired = modelSchema(models);
      await run(conn, creationOps(desired));
      assert.deepEqual(await introspected(conn), withoutBuildHints(desired));
    } finally {
      await conn.close();
      await db.drop();
    }
  });
}

test("introspection of a pushed database is stable: no '{}'::text[] default drift", async () => {
  const db = await scratchPostgres();
  try {
    await drizzleKitPush(backups, db.url, ["public"]);
    const conn = await postgresDialect.connect(db.url);
    try {
      const tags = (await introspected(conn)).tables.find((t) => t.name === "backup_jobs")!.columns.find((c) => c.name === "tags")!;
      const modelTags = modelSchema(backups).tables.find((t) => t.name === "backup_jobs")!.columns.find((c) => c.name === "tags")!;
      assert.equal(tags.default, modelTags.default);
      assert.equal(tags.default, "'{}'");
    } finally {
      await conn.close();
    }
  } finally {
    await db.drop();
  }
});
