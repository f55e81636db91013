// The migration round trip on SQLite files: A → B → A, with rows, through driftwood's API.
import { test } from "node:test";
import { checkPairProperty, propertyParameters, regressionTests, specPairArbitrary } from "../src/index.ts";
import { roundTrip } from "../src/roundtrip.ts";

regressionTests("round-trip", "sqlite", roundTrip);

test("sqlite: upgrade A→B, downgrade, autogenerate again: no residual diff, rows survive", async () => {
  const params = propertyParameters(10);
  console.log(`round-trip sqlite: seed ${params.seed}, runs ${params.numRuns}`);
  await checkPairProperty(specPairArbitrary({ dialect: "sqlite" }), roundTrip, { property: "round-trip", dialect: "sqlite", ...params });
});
