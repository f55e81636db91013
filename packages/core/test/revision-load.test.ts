import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "@driftwood/testkit";
import { loadRevisions } from "../src/revisions/load.ts";
import { recordSteps } from "../src/runner/recorder.ts";

const migration = (id: string, parents: string[], body = "") =>
  `export const revision = "${id}";\nexport const parents = ${JSON.stringify(parents)};\nexport const message = "m ${id}";\n` +
  `export function upgrade(op) {${body}}\nexport function downgrade(op) {}\n`;

/** A migrations folder holding `files`; each case gets its own folder, since a module is imported once per process. */
function folder(files: Record<string, string>) {
  const t = tempDir();
  const dir = join(t.dir, "migrations");
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, remove: t.remove };
}

test("loads a folder into a graph with checksums of the file text", async () => {
  const text = migration("aaaa00000001", []);
  const f = folder({ "aaaa00000001_first.ts": text, "bbbb00000002_second.ts": migration("bbbb00000002", ["aaaa00000001"]), "notes.d.ts": "" });
  try {
    const graph = await loadRevisions(f.dir);
    assert.deepEqual(graph.order, ["aaaa00000001", "bbbb00000002"]);
    const first = graph.get("aaaa00000001");
    assert.equal(first.message, "m aaaa00000001");
    assert.equal(first.checksum, createHash("sha256").update(text).digest("hex"));
    assert.equal(first.file, join(f.dir, "aaaa00000001_first.ts"));
  } finally {
    f.remove();
  }
});

test("a missing folder has no revisions", async () => {
  assert.equal((await loadRevisions("/nonexistent/driftwood/migrations")).size, 0);
});

test("names the file for a bad export, a mismatched file name, a throwing module and two files of one revision", async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ "aaaa00000001_x.ts": `export const parents = [];\n` }, /migration .*aaaa00000001_x.ts exports no revision id/],
    [{ "aaaa00000001_x.ts": migration("bbbb00000001", []) }, /aaaa00000001_x.ts is named for revision aaaa00000001 but exports revision bbbb00000001/],
    [{ "aaaa00000001_x.ts": `throw new Error("half-written");\n` }, /cannot load migration .*aaaa00000001_x.ts: half-written/],
    [{ "first.ts": migration("aaaa00000001", []), "second.ts": migration("aaaa00000001", []) }, /revision aaaa00000001 is defined twice, in .*first.ts and .*second.ts/],
    [{ "aaaa00000001_x.ts": migration("aaaa00000001", ["ffff"]) }, /aaaa00000001_x.ts names parent revision ffff, which no migration defines/],
  ];
  for (const [files, message] of cases) {
    const f = folder(files);
    try {
      await assert.rejects(loadRevisions(f.dir), message);
    } finally {
      f.remove();
    }
  }
});

test("the recorder turns op calls into ops, raw SQL and data steps, and rejects unknown ones", async () => {
  const steps = await recordSteps((op) => {
    op.addColumn({ table: "t", column: { name: "c", type: "integer", notNull: false } });
    op.execute("UPDATE t SET c = 1", "UPDATE t SET c = NULL");
    op.run(async () => {}, "backfill");
  });
  assert.deepEqual(steps.slice(0, 2), [
    { kind: "op", op: { kind: "addColumn", table: "t", column: { name: "c", type: "integer", notNull: false } } },
    { kind: "op", op: { kind: "execute", sql: "UPDATE t SET c = 1", reverse: "UPDATE t SET c = NULL" } },
  ]);
  assert.equal(steps[2]!.kind === "data" && steps[2]!.description, "backfill");
  await assert.rejects(
    recordSteps((op) => (op as unknown as { addColumnn(): void }).addColumnn()),
    /op.addColumnn is not a migration operation/,
  );
});
