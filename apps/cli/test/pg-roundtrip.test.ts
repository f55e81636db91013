// A → B → A through the CLI on the PostgreSQL server, one scratch database per batch of object kinds.
import { test } from "node:test";
import { scratchPostgres } from "@driftwood/testkit";
import { columnKinds, constraintKinds } from "./pg-roundtrip-models.ts";
import { roundTrip } from "./pg-roundtrip.ts";

for (const pair of [columnKinds, constraintKinds]) {
  test(`PostgreSQL round trip: ${pair.name}`, async () => {
    const db = await scratchPostgres();
    try {
      await roundTrip(db.url, pair);
    } finally {
      await db.drop();
    }
  });
}
