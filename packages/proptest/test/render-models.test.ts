// A rendered model module imports, and drizzle's getTableConfig sees the spec's tables, columns and constraints.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig } from "drizzle-orm/sqlite-core";
import { is } from "drizzle-orm";
import { tempDir } from "@driftwood/testkit";
import type { DialectName } from "@driftwood/schema";
import { modelTables, propertyParameters, specArbitrary, specKey, writeModels, type ModelSpec } from "../src/index.ts";

async function assertModelsMatch(spec: ModelSpec): Promise<void> {
  const scratch = tempDir("driftwood-proptest-");
  try {
    const module = (await import(writeModels(spec, scratch.dir))) as Record<string, unknown>;
    const tables = modelTables(module);
    assert.deepEqual([...tables.keys()].sort(), spec.tables.map(specKey).sort());
    for (const t of spec.tables) {
      const table = tables.get(specKey(t))!;
      const config = is(table, PgTable) ? pgConfig(table) : sqliteConfig(table);
      assert.deepEqual(
        config.columns.map((c) => [c.name, c.notNull, c.primary]),
        t.columns.map((c) => [c.name, c.notNull, c.primaryKey === true]),
      );
      assert.deepEqual(config.indexes.map((i) => i.config.name), t.indexes.map((i) => i.name));
      assert.deepEqual(config.checks.map((c) => c.name), t.checks.map((c) => c.name));
      assert.equal(config.foreignKeys.length, t.foreignKeys.length);
      assert.deepEqual(config.primaryKeys.map((p) => p.columns.map((c) => c.name)), t.primaryKey ? [t.primaryKey.columns] : []);
      assert.deepEqual(config.uniqueConstraints.map((u) => u.columns.map((c) => c.name)), t.uniques.map((u) => u.columns));
    }
  } finally {
    scratch.remove();
  }
}

for (const dialect of ["postgresql", "sqlite"] as DialectName[]) {
  test(`${dialect}: rendered model modules import and match their spec`, async () => {
    const params = propertyParameters(25);
    console.log(`seed ${params.seed}, runs ${params.numRuns}`);
    await fc.assert(fc.asyncProperty(specArbitrary({ dialect }), assertModelsMatch), params);
  });
}
