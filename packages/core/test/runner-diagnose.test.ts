import { test } from "node:test";
import assert from "node:assert/strict";
import type { MigrationModule, MigrationOps, Op } from "@driftwood/schema";
import { explainMissing, RevisionGraph, unknownRevisionMessage, type Revision } from "../src/index.ts";

const column = (name: string) => ({ name, type: "text", notNull: false });

function rev(id: string, parents: string[], upgrade: (op: MigrationOps) => void): Revision {
  const module = { revision: id, parents, message: id, upgrade, downgrade: () => {} } as MigrationModule;
  return { id, parents, file: `/app/migrations/${id}_m.ts`, message: id, module, checksum: id };
}

const graph = new RevisionGraph([
  rev("a1b2c3000001", [], (op) =>
    op.createTable({ table: { name: "users", columns: [column("id"), column("name")], foreignKeys: [], uniques: [], checks: [], indexes: [] } }),
  ),
  rev("a1b2c3000002", ["a1b2c3000001"], (op) => op.addColumn({ table: "users", column: column("email") })),
  rev("f00000000003", ["a1b2c3000002"], (op) => op.renameColumn({ table: "users", from: "name", to: "full_name" })),
]);

const missing = (table: string, name: string): Op => ({ kind: "addColumn", table, column: column(name) });

test("a missing column: added by a pending migration, by an applied one, or by none", async () => {
  const found = await explainMissing(graph, ["a1b2c3000001"], [
    missing("users", "email"),
    missing("users", "full_name"),
    missing("users", "age"),
    { kind: "createTable", table: { name: "posts", columns: [column("id")], foreignKeys: [], uniques: [], checks: [], indexes: [] } },
  ]);
  assert.deepEqual(
    found.map((m) => m.message),
    [
      "the database lacks column users.email: migration a1b2c3000002 (a1b2c3000002_m.ts) adds it but the database is not at head: run `driftwood upgrade`",
      "the database lacks column users.full_name: migration f00000000003 (f00000000003_m.ts) adds it but the database is not at head: run `driftwood upgrade`",
      "the database lacks column users.age and no migration adds it: run `driftwood migrate -m MESSAGE` to write one",
      "the database lacks table posts and no migration adds it: run `driftwood migrate -m MESSAGE` to write one",
    ],
  );
  const [applied] = await explainMissing(graph, ["f00000000003"], [missing("users", "name")]);
  assert.equal(applied!.revision?.id, "a1b2c3000001");
  assert.equal(applied!.applied, true);
  assert.match(applied!.message, /users\.name, which migration a1b2c3000001 .* is recorded as applied: it was removed by hand/);
});

test("an unknown database revision: what the database claims, the nearest known ones and the stamp that fixes it", () => {
  const message = unknownRevisionMessage(
    graph,
    ["a1b2c3ffffff"],
    [
      { revision: "a1b2c3000001", checksum: "x", appliedAt: "2026-01-01T00:00:00.000Z" },
      { revision: "a1b2c3000002", checksum: "x", appliedAt: "2026-01-02T00:00:00.000Z" },
      { revision: "a1b2c3ffffff", checksum: "x", appliedAt: "2026-01-03T00:00:00.000Z" },
    ],
    "/app/migrations",
  );
  assert.equal(
    message,
    [
      "the database is at revision a1b2c3ffffff, which no file in /app/migrations defines; restore that migration or `driftwood stamp` the database",
      "the database claims: a1b2c3ffffff",
      "  same prefix: a1b2c3000001, a1b2c3000002",
      "  heads of the migrations folder: f00000000003",
      "  last applied: a1b2c3ffffff (no file) at 2026-01-03T00:00:00.000Z, a1b2c3000002 at 2026-01-02T00:00:00.000Z, a1b2c3000001 at 2026-01-01T00:00:00.000Z",
      "fix: restore the missing file from version control, or, if the database's schema is that of a1b2c3000002, run `driftwood stamp a1b2c3000002`",
    ].join("\n"),
  );
  assert.match(unknownRevisionMessage(graph, ["0123"], [], "m"), /same prefix: none[\s\S]*run `driftwood stamp f00000000003`/);
});
