// One round trip through the CLI: migrate A, upgrade, migrate B, upgrade, check; downgrade -1,
// then A's models and migrations check clean again. Rows written under A survive both ways.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { tempProject } from "./project.ts";
import { assertNoDifferences, ok, pgQuery } from "./pg-fixture.ts";
import type { ModelPair } from "./pg-roundtrip-models.ts";

export async function roundTrip(url: string, pair: ModelPair): Promise<void> {
  const p = tempProject();
  try {
    p.write("driftwood.config.ts", `export default { dialect: "postgresql", schema: "./schema.ts", url: ${JSON.stringify(url)} };\n`);
    p.write("schema.ts", pair.a);
    ok(p.cli("migrate", "-m", "a"));
    ok(p.cli("upgrade"));
    let rows: unknown[] = [];
    if (pair.row) {
      for (const sql of pair.row.insert) await pgQuery(url, sql);
      rows = await pgQuery(url, pair.row.select);
      assert.equal(rows.length, 1);
    }

    p.write("schema.ts", pair.b);
    ok(p.cli("migrate", "-m", "b"));
    assert.equal(p.migrations().length, 2);
    ok(p.cli("upgrade"));
    assertNoDifferences(p.cli("check"));
    assert.match(ok(p.cli("migrate", "-m", "again")).stdout, /No changes detected/);

    ok(p.cli("downgrade", "-1"));
    rmSync(join(p.dir, "migrations", p.migrations().find((f) => f.endsWith("_b.ts"))!));
    p.write("schema.ts", pair.a);
    assertNoDifferences(p.cli("check"));
    if (pair.row) assert.deepEqual(await pgQuery(url, pair.row.select), rows);
  } finally {
    p.remove();
  }
}
