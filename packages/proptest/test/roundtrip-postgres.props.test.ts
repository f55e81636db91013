// The migration round trip on the PostgreSQL server: A → B → A, with rows, through driftwood's API.
import { test } from "node:test";
import { checkPairProperty, propertyParameters, regressionTests, specPairArbitrary } from "../src/index.ts";
import { roundTrip } from "../src/roundtrip.ts";

regressionTests("round-trip", "postgresql", roundTrip);

test("postgresql: upgrade A→B, downgrade, autogenerate again: no residual diff, rows survive", async () => {
  const params = propertyParameters(10);
  console.log(`round-trip postgresql: seed ${params.seed}, runs ${params.numRuns}`);
  await checkPairProperty(specPairArbitrary({ dialect: "postgresql" }), roundTrip, { property: "round-trip", dialect: "postgresql", ...params });
});
