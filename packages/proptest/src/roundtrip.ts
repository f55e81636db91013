/**
 * The migration round trip on a real database, through driftwood's own API, in-process:
 * migrate A from empty and upgrade, insert rows valid under A and B, autogenerate A→B,
 * upgrade, check B, autogenerate again (no change), downgrade one step, check A and the rows,
 * downgrade to base (no table left).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { check, downgrade, generateMigration, openProject, upgrade, type Project } from "driftwood";
import type { DialectName } from "@driftwood/schema";
import { scratchPostgres, scratchSqlite, tempDir } from "@driftwood/testkit";
import { insertRows, modelTables, readRows, rowsFor, type ModelDb, type ModelTables, type Row, type TableRows } from "./rows.ts";
import { writeModels } from "./render-models.ts";
import { findColumn, findTable, type ModelSpec, type SpecPair } from "./spec.ts";

/** A scratch database of the dialect, with a drizzle handle over it, removed afterwards. */
export async function withDatabase<T>(dialect: DialectName, fn: (url: string, db: ModelDb) => Promise<T>): Promise<T> {
  const scratch = dialect === "postgresql" ? await scratchPostgres() : await scratchSqlite();
  try {
    if (dialect === "postgresql") {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        return await fn(scratch.url, drizzlePg(client));
      } finally {
        await client.end();
      }
    }
    const sqlite = new Database(scratch.url);
    try {
      sqlite.pragma("foreign_keys = ON");
      return await fn(scratch.url, drizzleSqlite(sqlite));
    } finally {
      sqlite.close();
    }
  } finally {
    await scratch.drop();
  }
}

export interface SpecProject {
  project: Project;
  /** The model module's path. */
  file: string;
  /** The rendered model module's exports and its drizzle tables. */
  module: Record<string, unknown>;
  tables: ModelTables;
  /** The same project with its migrations folder read again (a project reads it once). */
  reopen(): Promise<Project>;
}

/** A driftwood project over `url` whose models are `spec`, rendered into `dir/<name>/schema.ts`. */
export async function specProject(spec: ModelSpec, dir: string, name: string, url: string): Promise<SpecProject> {
  const file = writeModels(spec, join(dir, name));
  const options = { config: { dialect: spec.dialect, schema: file, url, migrations: join(dir, "migrations") }, cwd: dir };
  const module = (await import(file)) as Record<string, unknown>;
  return { project: await openProject(options), file, module, tables: modelTables(module), reopen: () => openProject(options) };
}

/** Asserts the database matches the project's models: no op left. */
export async function assertNoDiff(project: Project, what: string): Promise<void> {
  const { ops } = await check(project);
  assert.deepEqual(ops, [], `${what}: residual diff`);
}

/**
 * The rows of the tables `other` keeps, each cut to the columns `other` keeps (with
 * `sameType`, keeps with the same type), as sorted JSON texts keyed by table.
 */
function kept(data: TableRows[], other: ModelSpec, sameType: boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { table, rows } of data) {
    const t = findTable(other, table);
    if (!t) continue;
    const keep = table.columns
      .filter((c) => {
        const o = findColumn(t, c.name);
        return o !== undefined && (!sameType || JSON.stringify(o.type) === JSON.stringify(c.type));
      })
      .map((c) => c.name)
      .sort();
    out.set(JSON.stringify([table.schema, table.name]), rows.map((r: Row) => JSON.stringify(keep.map((k) => r[k]))).sort());
  }
  return out;
}

/** The round-trip property on one scratch database; throws (an assertion) on the first broken step. */
export async function roundTrip({ a, b }: SpecPair): Promise<void> {
  const scratch = tempDir("driftwood-roundtrip-");
  try {
    await withDatabase(a.dialect, async (url, db) => {
      const A = await specProject(a, scratch.dir, "a", url);
      assert.ok((await generateMigration(A.project, { message: "A" })).file, "A from empty: no migration written");
      await upgrade(await A.reopen());
      await assertNoDiff(await A.reopen(), "after applying A");

      await insertRows(db, A.tables, rowsFor(a, 3, b));
      const before = await readRows(db, A.tables, a);

      const B = await specProject(b, scratch.dir, "b", url);
      assert.ok((await generateMigration(B.project, { message: "B" })).file, "A→B: no migration written");
      await upgrade(await B.reopen());
      await assertNoDiff(await B.reopen(), "after upgrading to B");
      const again = await generateMigration(await B.reopen(), { message: "again" });
      assert.deepEqual(again.ops, [], "autogenerate after the upgrade is not empty");

      const readB = await readRows(db, B.tables, b);
      assert.deepEqual(kept(readB, a, true), kept(before, b, true), "rows changed by the upgrade");

      await downgrade(await A.reopen(), "-1");
      await assertNoDiff(await A.reopen(), "after downgrading to A");
      assert.deepEqual(kept(await readRows(db, A.tables, a), b, false), kept(before, b, false), "rows changed by the round trip");

      const base = await A.reopen();
      await downgrade(base, "base");
      const left = await base.withConnection((conn) => base.introspect(conn));
      assert.deepEqual(left.tables.map((t) => t.name), [], "tables left after downgrading to base");
    });
  } finally {
    scratch.remove();
  }
}
