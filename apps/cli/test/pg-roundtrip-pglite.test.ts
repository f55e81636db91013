// An A → B → A round trip through the CLI on PGlite (PostgreSQL 18 in WASM): the catalog-sensitive
// batch (enums, identities, generated columns, arrays); PGlite takes seconds to start for each command.
import { test } from "node:test";
import { join } from "node:path";
import { tempDir } from "@driftwood/testkit";
import { columnKinds } from "./pg-roundtrip-models.ts";
import { roundTrip } from "./pg-roundtrip.ts";

test(`PGlite round trip: ${columnKinds.name}`, async () => {
  const t = tempDir("driftwood-pglite-");
  try {
    await roundTrip(`pglite:${join(t.dir, "db")}`, columnKinds);
  } finally {
    t.remove();
  }
});
