// driftwood and drizzle-kit agree on SQLite databases built from the same generated models.
import { test } from "node:test";
import { checkPairProperty, propertyParameters, regressionTests, specArbitrary, type SpecPair } from "../src/index.ts";
import { differential } from "../src/differential.ts";

// A saved case is a pair; this property reads only its A.
const property = ({ a }: SpecPair) => differential(a);

regressionTests("differential", "sqlite", property);

test("sqlite: a drizzle-kit pushed database passes driftwood's check; a driftwood migrated one needs no drizzle-kit push", async () => {
  const params = propertyParameters(20);
  console.log(`differential sqlite: seed ${params.seed}, runs ${params.numRuns}`);
  // drizzle-kit 0.31 does not escape quotes in names (docs/known-differences.md).
  const specs = specArbitrary({ dialect: "sqlite", quotes: false }).map((a) => ({ a, b: a }));
  await checkPairProperty(specs, property, { property: "differential", dialect: "sqlite", ...params });
});
