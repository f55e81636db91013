import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { OP_ORDER, type Op } from "@driftwood/schema";
import { tempDir } from "@driftwood/testkit";
import { renderEmptyMigrationFile, renderMigrationFile, slugify } from "../src/index.ts";
import { everyOp, games } from "./all-ops.ts";

const header = { revision: "a1b2c3d4e5f6", parents: [], message: "add games", createdAt: "2026-11-25T12:00:00.000Z" };

test("golden: columns added and dropped, with hazard comments above their ops", () => {
  const upgrade: Op[] = [
    { kind: "addColumn", table: "games", column: { name: "completed_at", type: "integer", notNull: false } },
    { kind: "addColumn", table: "games", column: { name: "winners", type: "text", dimensions: 1, notNull: true } },
    { kind: "dropColumn", table: "users", column: { name: "nickname", type: "text", notNull: false } },
  ];
  const downgrade: Op[] = [{ kind: "addColumn", table: "users", column: { name: "nickname", type: "text", notNull: false } }];
  assert.equal(
    renderMigrationFile({ ...header, parents: ["0f9e8d7c6b5a"], upgrade, downgrade }),
    `/**
 * add games
 *
 * Revision: a1b2c3d4e5f6
 * Parents: 0f9e8d7c6b5a
 * Created: 2026-11-25T12:00:00.000Z
 *
 * games: add column completed_at, add column winners
 * users: drop column nickname
 */
import type { MigrationOps } from "driftwood";

export const revision = "a1b2c3d4e5f6";
export const parents: string[] = ["0f9e8d7c6b5a"];
export const message = "add games";
export const createdAt = "2026-11-25T12:00:00.000Z";

export function upgrade(op: MigrationOps): void {
  op.addColumn({
    table: "games",
    column: { name: "completed_at", type: "integer", notNull: false },
  });
  // not null: adds games.winners NOT NULL without a default: fails when the table has rows; add a default or backfill first
  op.addColumn({
    table: "games",
    column: { name: "winners", type: "text", dimensions: 1, notNull: true },
  });
  // data loss: drops column users.nickname and its data
  // irreversible: downgrade recreates column users.nickname empty: its values cannot be restored
  op.dropColumn({ table: "users", column: { name: "nickname", type: "text", notNull: false } });
}

export function downgrade(op: MigrationOps): void {
  op.addColumn({ table: "users", column: { name: "nickname", type: "text", notNull: false } });
}
`,
  );
});

test("golden: an inferred rename says so, and a created table spans stable lines", () => {
  const upgrade: Op[] = [
    { kind: "createSchema", name: "play" },
    { kind: "renameColumn", table: "users", from: "name", to: "full_name", inferred: true },
    { kind: "createTable", table: { ...games, uniques: [], checks: [], columns: games.columns.slice(0, 2) } },
  ];
  const file = renderMigrationFile({ ...header, parents: ["p1", "p2"], message: "merge and */ rename\nsecond line", upgrade, downgrade: [] });
  assert.equal(
    file,
    `/**
 * merge and *\\/ rename
 * second line
 *
 * Revision: a1b2c3d4e5f6
 * Parents: p1, p2
 * Created: 2026-11-25T12:00:00.000Z
 *
 * schema play: create
 * users: rename column name to full_name
 * play.games: create table
 */
import type { MigrationOps } from "driftwood";

export const revision = "a1b2c3d4e5f6";
export const parents: string[] = ["p1", "p2"];
export const message = "merge and */ rename\\nsecond line";
export const createdAt = "2026-11-25T12:00:00.000Z";

export function upgrade(op: MigrationOps): void {
  op.createSchema({ name: "play" });
  // inferred rename (same shape): to drop and add instead, generate again with --no-rename or replace this line
  op.renameColumn({ table: "users", from: "name", to: "full_name", inferred: true });
  op.createTable({
    table: {
      schema: "play",
      name: "games",
      columns: [
        { name: "id", type: "integer", notNull: true, identity: { always: true, start: "1" } },
        { name: "title", type: "varchar(200)", notNull: true, default: "'untitled'" },
      ],
      primaryKey: { name: "games_pkey", columns: ["id"] },
      foreignKeys: [],
      uniques: [],
      checks: [],
      indexes: [],
    },
  });
}

export function downgrade(op: MigrationOps): void {
}
`,
  );
});

test("golden: an empty migration", () => {
  assert.equal(
    renderEmptyMigrationFile(header),
    `/**
 * add games
 *
 * Revision: a1b2c3d4e5f6
 * Parents: none
 * Created: 2026-11-25T12:00:00.000Z
 */
import type { MigrationOps } from "driftwood";

export const revision = "a1b2c3d4e5f6";
export const parents: string[] = [];
export const message = "add games";
export const createdAt = "2026-11-25T12:00:00.000Z";

export function upgrade(op: MigrationOps): void {
  // write the migration here, e.g. op.execute("...")
}

export function downgrade(op: MigrationOps): void {
  // write the migration here, e.g. op.execute("...")
}
`,
  );
});

test("the same ops give the same bytes, whatever order their keys were built in", () => {
  const reversedKeys = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(reversedKeys)
      : value !== null && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]))
        : value;
  const m = { ...header, upgrade: everyOp, downgrade: everyOp.slice().reverse() };
  const first = renderMigrationFile(m);
  assert.equal(renderMigrationFile(structuredClone(m)), first);
  assert.equal(renderMigrationFile({ ...m, upgrade: reversedKeys(everyOp) as Op[], downgrade: reversedKeys(m.downgrade) as Op[] }), first);
  const long = first.split("\n").filter((line) => line.length > 100 && !line.trimStart().startsWith("//"));
  assert.deepEqual(long, [], "lines over 100 columns");
  assert.match(first, /\n \* users: rename column name to full name, drop foreign key users_team_fk,\n \*   drop index/);
});

test("the fixture has every op kind", () => {
  assert.deepEqual(new Set(everyOp.map((op) => op.kind)), new Set(OP_ORDER));
});

const workspace = fileURLToPath(new URL("../../../", import.meta.url));

test("generated files type-check against the migration API", () => {
  const tmp = tempDir("driftwood-codegen-");
  try {
    writeFileSync(join(tmp.dir, "full.ts"), renderMigrationFile({ ...header, upgrade: everyOp, downgrade: everyOp.slice(0, 3) }));
    writeFileSync(join(tmp.dir, "empty.ts"), renderEmptyMigrationFile(header));
    writeFileSync(
      join(tmp.dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          strict: true,
          noEmit: true,
          allowImportingTsExtensions: true,
          skipLibCheck: true,
          types: [],
          paths: { driftwood: [join(workspace, "packages/schema/src/index.ts")] },
        },
        files: ["full.ts", "empty.ts"],
      }),
    );
    const tsc = () => spawnSync(join(workspace, "node_modules/.bin/tsc"), ["--noEmit", "-p", tmp.dir], { encoding: "utf8" });
    const ok = tsc();
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    // The same check refuses a payload the API does not accept.
    const full = renderMigrationFile({ ...header, upgrade: everyOp, downgrade: [] });
    writeFileSync(join(tmp.dir, "full.ts"), full.replace('op.createSchema({ name: "play" })', 'op.createSchema({ name: 1 })'));
    const refused = tsc();
    assert.notEqual(refused.status, 0);
    assert.match(refused.stdout, /full\.ts.*Type 'number' is not assignable to type 'string'/);
  } finally {
    tmp.remove();
  }
});

test("calling the generated upgrade records exactly the input ops", async () => {
  const tmp = tempDir("driftwood-codegen-");
  try {
    const file = join(tmp.dir, "migration.ts");
    writeFileSync(file, renderMigrationFile({ ...header, upgrade: everyOp, downgrade: [] }));
    const migration = (await import(pathToFileURL(file).href)) as { upgrade(op: unknown): void; parents: string[]; revision: string };
    const recorded: unknown[] = [];
    const recorder = new Proxy(
      {},
      {
        get: (_target, kind: string) =>
          kind === "execute"
            ? (sql: string, reverse?: string) => recorded.push(reverse === undefined ? { kind, sql } : { kind, sql, reverse })
            : (payload: object) => recorded.push({ kind, ...payload }),
      },
    );
    migration.upgrade(recorder);
    assert.deepEqual(recorded, everyOp);
    assert.equal(migration.revision, header.revision);
    assert.deepEqual(migration.parents, []);
  } finally {
    tmp.remove();
  }
});

test("slugs for file names", () => {
  assert.equal(slugify("Add games: completed_at & winners!"), "add_games_completed_at_winners");
  assert.equal(slugify("Café déjà vu"), "cafe_deja_vu");
  assert.equal(slugify("  "), "migration");
  assert.equal(slugify("データ"), "migration");
  assert.equal(slugify("one two three four five six seven eight nine ten"), "one_two_three_four_five_six_seven_eight");
  assert.equal(slugify("x".repeat(60)), "x".repeat(40));
});
