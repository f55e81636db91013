// drizzle-kit, as a peer, accepts the generated models, and the generated rows insert and read back.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { tempDir } from "@driftwood/testkit";
import type { DialectName } from "@driftwood/schema";
import {
  drizzleKitPush,
  insertRows,
  modelTables,
  propertyParameters,
  readRows,
  rowsFor,
  specArbitrary,
  specPairArbitrary,
  writeModels,
  type ModelSpec,
  type ModelTables,
  type Row,
  type TableRows,
} from "../src/index.ts";
import { withDatabase } from "../src/roundtrip.ts";

/** drizzle-kit 0.31 does not escape quotes in names (see `NameOptions.quotes`). */
const options = (dialect: DialectName) => ({ dialect, quotes: false });

async function push(spec: ModelSpec, dir: string, url: string): Promise<ModelTables> {
  const file = writeModels(spec, dir);
  const result = await drizzleKitPush(spec, file, url);
  assert.ok(result.applied, `drizzle-kit push failed:\n${result.output}`);
  return modelTables((await import(file)) as Record<string, unknown>);
}

/** The rows as a sorted list of JSON texts, each row cut to the given columns. */
function canonical(data: TableRows[]): string[][] {
  return data.map(({ table, rows }) => {
    const keys = table.columns.filter((c) => c.identity !== "always").map((c) => c.name);
    return rows.map((r: Row) => JSON.stringify(keys.map((k) => r[k]))).sort();
  });
}

/** The rows of tables B still has, in B's table order, cut to the columns B still has. */
function survivingRows(data: TableRows[], b: ModelSpec): TableRows[] {
  return b.tables.flatMap((table) => {
    const old = data.find((x) => x.table.name === table.name && x.table.schema === table.schema);
    if (!old) return [];
    const kept = table.columns.filter((c) => c.identity !== "always").map((c) => c.name);
    const rows = old.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => kept.includes(k))));
    return [{ table, rows }];
  });
}

for (const dialect of ["postgresql", "sqlite"] as DialectName[]) {
  test(`${dialect}: drizzle-kit push accepts generated models; generated rows insert and read back`, async () => {
    const params = propertyParameters(6);
    console.log(`seed ${params.seed}, runs ${params.numRuns}`);
    await fc.assert(
      fc.asyncProperty(specArbitrary(options(dialect)), async (spec) => {
        const scratch = tempDir("driftwood-proptest-");
        try {
          await withDatabase(dialect, async (url, db) => {
            const tables = await push(spec, scratch.dir, url);
            const rows = rowsFor(spec);
            await insertRows(db, tables, rows);
            assert.deepEqual(canonical(await readRows(db, tables, spec)), canonical(rows));
          });
        } finally {
          scratch.remove();
        }
      }),
      params,
    );
  });

  test(`${dialect}: rows made for (A, B), cut to the columns B keeps, insert under B`, async () => {
    const params = propertyParameters(3);
    console.log(`seed ${params.seed}, runs ${params.numRuns}`);
    await fc.assert(
      fc.asyncProperty(specPairArbitrary(options(dialect)), async ({ a, b }) => {
        const scratch = tempDir("driftwood-proptest-");
        try {
          await withDatabase(dialect, async (url, db) => {
            await insertRows(db, await push(b, scratch.dir, url), survivingRows(rowsFor(a, 3, b), b));
          });
        } finally {
          scratch.remove();
        }
      }),
      params,
    );
  });
}
