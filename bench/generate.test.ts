import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BenchDialect, generateProject, modelSource, tableName } from "./generate.ts";

interface TableConfig {
  name: string;
  indexes: { config: { name: string } }[];
  uniqueConstraints: { name?: string }[];
  foreignKeys: { reference(): { foreignTable: unknown } }[];
}

interface Probe {
  isTable(value: unknown): boolean;
  config(table: unknown): TableConfig;
  tableName(table: unknown): string;
}

// The probe lives in the generated project so that it uses the same drizzle-orm as the models.
const probeSource: Record<BenchDialect, string> = {
  postgresql: `import { is, getTableName } from "drizzle-orm";
import { PgTable, getTableConfig } from "drizzle-orm/pg-core";
export const isTable = (v: unknown) => is(v, PgTable);
export const config = getTableConfig;
export const tableName = getTableName;
`,
  sqlite: `import { is, getTableName } from "drizzle-orm";
import { SQLiteTable, getTableConfig } from "drizzle-orm/sqlite-core";
export const isTable = (v: unknown) => is(v, SQLiteTable);
export const config = getTableConfig;
export const tableName = getTableName;
`,
};

for (const dialect of ["postgresql", "sqlite"] as const) {
  test(`generated ${dialect} models load as 10 tables with an index, a unique and a foreign-key chain`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "driftwood-bench-"));
    try {
      const project = generateProject(dir, dialect, 10, { url: join(dir, "unused.db"), migrations: join(dir, "m") });
      writeFileSync(join(dir, "probe.ts"), probeSource[dialect]);
      const probe = (await import(pathToFileURL(join(dir, "probe.ts")).href)) as Probe;
      const models = (await import(pathToFileURL(project.schemaPath).href)) as Record<string, unknown>;

      const tables = Object.values(models).filter((v) => probe.isTable(v));
      assert.equal(tables.length, 10);
      const byName = new Map(tables.map((t) => [probe.tableName(t), probe.config(t)]));
      for (let i = 0; i < 10; i++) {
        const config = byName.get(tableName(i, 10));
        assert.ok(config, `table ${tableName(i, 10)} is missing`);
        assert.deepEqual(
          config.indexes.map((x) => x.config.name),
          [`${config.name}_name_idx`],
        );
        assert.deepEqual(
          config.uniqueConstraints.map((u) => u.name),
          [`${config.name}_code_key`],
        );
        const parents = config.foreignKeys.map((fk) => probe.tableName(fk.reference().foreignTable));
        assert.deepEqual(parents, i === 0 ? [] : [tableName(i - 1, 10)]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("model generation is deterministic and pads table names to the table count", () => {
  assert.equal(modelSource("postgresql", 100), modelSource("postgresql", 100));
  assert.equal(modelSource("sqlite", 100), modelSource("sqlite", 100));
  assert.equal(tableName(7, 10_000), "t_0007");
  assert.match(modelSource("postgresql", 3), /pgEnum\("mood_2"/);
});
