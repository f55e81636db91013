// A failing pair property saves its shrunk counterexample, and saved regressions replay as fixed cases.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { tempDir } from "@driftwood/testkit";
import {
  checkPairProperty,
  findTable,
  propertyParameters,
  regressionTests,
  saveRegression,
  savedRegressions,
  specPairArbitrary,
  type SpecPair,
} from "../src/index.ts";

/** Fails whenever B has a table A has not: addTable is one of the mutations, so this fails. */
async function sameTables({ a, b }: SpecPair): Promise<void> {
  assert.ok(b.tables.every((t) => findTable(a, t)), "B adds a table");
}

test("a failing property saves its shrunk pair with the seed, and the saved pair fails again", async () => {
  const scratch = tempDir("driftwood-regressions-");
  try {
    const { seed } = propertyParameters(1);
    console.log(`seed ${seed}`);
    const options = { property: "same tables", dialect: "sqlite" as const, seed, numRuns: 200, dir: scratch.dir };
    await assert.rejects(checkPairProperty(specPairArbitrary({ dialect: "sqlite" }), sameTables, options), (e: Error) => {
      assert.match(e.message, new RegExp(`same tables failed with seed ${seed}; counterexample .*sqlite-[0-9a-f]{12}\\.json`));
      return true;
    });
    const saved = savedRegressions("same tables", "sqlite", scratch.dir);
    assert.equal(saved.length, 1);
    assert.equal(saved[0].seed, seed);
    await assert.rejects(sameTables(saved[0].pair), /B adds a table/);
    // Shrunk: the added table is the only difference, down to one column.
    const added = saved[0].pair.b.tables.filter((t) => !findTable(saved[0].pair.a, t));
    assert.equal(added.length, 1);
    assert.equal(added[0].columns.length, 1);
    assert.deepEqual(savedRegressions("same tables", "postgresql", scratch.dir), []);
    assert.deepEqual(savedRegressions("other property", "sqlite", scratch.dir), []);
  } finally {
    scratch.remove();
  }
});

test("a passing property saves nothing; saving a regression twice keeps one file", async () => {
  const scratch = tempDir("driftwood-regressions-");
  try {
    const params = propertyParameters(20);
    console.log(`seed ${params.seed}, runs ${params.numRuns}`);
    const options = { property: "b has tables", dialect: "postgresql" as const, ...params, dir: scratch.dir };
    await checkPairProperty(specPairArbitrary({ dialect: "postgresql" }), async ({ b }) => assert.ok(b.tables.length > 0), options);
    assert.deepEqual(readdirSync(scratch.dir), []);
    const pair: SpecPair = {
      a: { dialect: "postgresql", namespaces: [], enums: [], tables: [] },
      b: { dialect: "postgresql", namespaces: [], enums: [], tables: [] },
    };
    const first = saveRegression({ property: "p", dialect: "postgresql", seed: 1, pair }, scratch.dir);
    const second = saveRegression({ property: "p", dialect: "postgresql", seed: 2, pair }, scratch.dir);
    assert.equal(first, second);
    assert.deepEqual(readdirSync(scratch.dir).length, 1);
  } finally {
    scratch.remove();
  }
});

// Saved regressions register as tests of their own, before any random run.
const fixtures = tempDir("driftwood-regressions-");
after(() => fixtures.remove());
const fixed: SpecPair = {
  a: { dialect: "sqlite", namespaces: [], enums: [], tables: [] },
  b: {
    dialect: "sqlite",
    namespaces: [],
    enums: [],
    tables: [{ name: "order", columns: [{ name: "id", type: { kind: "integer" }, notNull: true }], foreignKeys: [], uniques: [], checks: [], indexes: [] }],
  },
};
saveRegression({ property: "replayed", dialect: "sqlite", seed: 7, pair: fixed }, fixtures.dir);
let replayed = 0;
regressionTests("replayed", "sqlite", async (pair) => {
  assert.deepEqual(pair, fixed);
  replayed++;
}, fixtures.dir);
test("the saved regression was replayed as its own test", () => assert.equal(replayed, 1));
