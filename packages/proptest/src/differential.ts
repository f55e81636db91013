/**
 * driftwood against drizzle-kit on the same models: a database drizzle-kit pushed matches
 * driftwood's check, and a database driftwood's migrations built needs no statement from
 * drizzle-kit's push plan, except where drizzle-kit is wrong (docs/known-differences.md).
 */
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { pushSchema, pushSQLiteSchema } from "drizzle-kit/api";
import { generateMigration, upgrade } from "driftwood";
import { tempDir } from "@driftwood/testkit";
import { drizzleKitPush } from "./drizzle-kit.ts";
import { RESERVED } from "./names.ts";
import { assertNoDiff, specProject, withDatabase } from "./roundtrip.ts";
import type { ModelDb } from "./rows.ts";
import type { ModelSpec } from "./spec.ts";

/** driftwood's version tables, which a project hides from drizzle-kit with `tablesFilter`. */
const VERSION_TABLES = ["driftwood_version", "driftwood_version_applied"];

/**
 * drizzle-kit's push plan through its API, in-process: the statements it would run. Its
 * PostgreSQL API drops query parameters, which breaks the introspection of a composite
 * primary key, so it only serves on an empty PostgreSQL database.
 */
async function apiPlan(spec: ModelSpec, models: Record<string, unknown>, db: ModelDb): Promise<string[]> {
  const plan =
    spec.dialect === "postgresql"
      ? await pushSchema(models, db as NodePgDatabase as never, ["public", ...spec.namespaces])
      : await pushSQLiteSchema(models, db as BetterSQLite3Database as never);
  return plan.statementsToExecute;
}

/** What drizzle-kit's push would change in a database that holds the version tables. */
async function pushPlan(spec: ModelSpec, file: string, models: Record<string, unknown>, url: string, db: ModelDb): Promise<string[]> {
  if (spec.dialect === "postgresql") {
    const result = await drizzleKitPush(spec, file, url, { tablesFilter: VERSION_TABLES.map((t) => `!${t}`) });
    // A planned statement may fail (see docs/known-differences.md): only the plan is read.
    if (result.statements.length > 0 || result.output.includes("No changes detected")) return result.statements;
    assert.ok(cannotReadCompositeKey(spec), `drizzle-kit push printed no plan:\n${result.output}`);
    return [];
  }
  // The SQLite API takes no tablesFilter: leave out what it plans for the version tables.
  const versionTable = new RegExp(`\`(?:${VERSION_TABLES.join("|")})\``);
  return (await apiPlan(spec, models, db)).filter((s) => !versionTable.test(s));
}

/**
 * Statements drizzle-kit plans on a database driftwood migrated to the models, for a reason
 * docs/known-differences.md describes (the heading is the `name`); nothing else is excused.
 */
export const KNOWN_DIFFERENCES: { name: string; matches: (statement: string, spec: ModelSpec, plan: string[]) => boolean }[] = [
  {
    name: "sequence names that need quotes",
    matches: (statement, spec) => {
      const cache = /^ALTER TABLE (?:"([^"]*)"\.)?"([^"]*)" ALTER COLUMN "([^"]*)" SET CACHE 1;$/.exec(statement);
      const drop = /^DROP SEQUENCE (?:"([^"]*)"\.)?"([^"]*)";$/.exec(statement);
      const seq = cache ? { schema: cache[1], name: `${cache[2]}_${cache[3]}_seq` } : drop ? { schema: drop[1], name: drop[2]! } : undefined;
      return (
        seq !== undefined &&
        printedQuoted(seq.schema ?? "public", seq.name) &&
        spec.tables.some(
          (t) =>
            (t.schema ?? "public") === (seq.schema ?? "public") &&
            t.columns.some((c) => (c.type.kind === "serial" || c.identity !== undefined) && `${t.name}_${c.name}_seq` === seq.name),
        )
      );
    },
  },
  {
    name: "indexes that mix expressions and columns",
    matches: (statement, spec, plan) => {
      const m = /^DROP INDEX (?:"[^"]*"\.)?"([^"]*)";$/.exec(statement) ?? /^CREATE (?:UNIQUE )?INDEX "([^"]*)" ON /.exec(statement);
      if (!m) return false;
      const name = m[1]!;
      const mixed = spec.tables.some((t) =>
        t.indexes.some((i) => i.name === name && i.parts.some((p) => p.expression) && i.parts.some((p) => !p.expression)),
      );
      return mixed && plan.some((x) => x.endsWith(`"${name}";`) && x.startsWith("DROP INDEX")) && plan.some((x) => x.includes(`INDEX "${name}" ON `));
    },
  },
  {
    name: "unique constraints with NULLS NOT DISTINCT",
    matches: (statement, spec, plan) => {
      const m = /^ALTER TABLE .+? (?:DROP|ADD) CONSTRAINT "([^"]*)"/.exec(statement);
      if (!m) return false;
      const name = m[1]!;
      const nnd = spec.tables.some((t) => t.uniques.some((u) => u.nullsNotDistinct && (u.name ?? `${t.name}_${u.columns.join("_")}_unique`) === name));
      return nnd && plan.some((x) => x.includes(`DROP CONSTRAINT "${name}";`)) && plan.some((x) => x.includes(`ADD CONSTRAINT "${name}" UNIQUE NULLS NOT DISTINCT(`));
    },
  },
  {
    // Its reader also lends one table's checks to the tables after it, so any table may be rebuilt.
    name: "SQLite check constraints",
    matches: (statement, spec, plan) =>
      spec.dialect === "sqlite" && spec.tables.some((t) => t.checks.length > 0) && isRebuild(statement, plan, spec.tables),
  },
  {
    name: "SQLite boolean defaults",
    matches: (statement, spec, plan) =>
      spec.dialect === "sqlite" &&
      isRebuild(statement, plan, spec.tables.filter((t) => t.columns.some((c) => c.type.kind === "integerBoolean" && c.default?.kind === "value"))),
  },
];

const QUOTED_KEYWORDS = new Set(RESERVED);

/** Whether PostgreSQL prints the name quoted. */
function needsQuotes(name: string): boolean {
  return !/^[a-z_][a-z0-9_$]*$/.test(name) || QUOTED_KEYWORDS.has(name);
}

/** Whether PostgreSQL prints the sequence's `regclass` with quotes (drizzle-kit then looks it up under the wrong key). */
function printedQuoted(schema: string, name: string): boolean {
  return needsQuotes(name) || (schema !== "public" && needsQuotes(schema));
}

/**
 * drizzle-kit stops, printing nothing, while it reads a composite primary key in a schema whose
 * name needs quotes (docs/known-differences.md, "composite primary keys in quoted schemas").
 */
function cannotReadCompositeKey(spec: ModelSpec): boolean {
  return spec.tables.some((t) => t.primaryKey !== undefined && t.schema !== undefined && needsQuotes(t.schema));
}

/**
 * Whether the statement is part of drizzle-kit's rebuild of one of `tables` (SQLite cannot
 * alter a column in place): the new table, the copy, the drop, the rename, the indexes again,
 * foreign keys off and on around it. A table counts as rebuilt only when the plan drops it.
 */
function isRebuild(statement: string, plan: string[], tables: { name: string }[]): boolean {
  if (tables.length === 0) return false;
  if (/^PRAGMA foreign_keys=(?:ON|OFF);$/.test(statement)) return true;
  const m =
    /^CREATE TABLE `__new_(.+?)` \(/.exec(statement) ??
    /^INSERT INTO `__new_(.+?)`\(.*\) SELECT .* FROM `\1`;$/s.exec(statement) ??
    /^DROP TABLE `(.+?)`;$/.exec(statement) ??
    /^ALTER TABLE `__new_(.+?)` RENAME TO `\1`;$/.exec(statement) ??
    /^CREATE (?:UNIQUE )?INDEX `.+?` ON `(.+?)` \(/.exec(statement);
  return m !== null && tables.some((t) => t.name === m[1]) && plan.includes(`DROP TABLE \`${m[1]}\`;`);
}

/** The planned statements no known drizzle-kit error explains. */
export function unexplained(statements: string[], spec: ModelSpec): string[] {
  return statements.filter((s) => !KNOWN_DIFFERENCES.some((d) => d.matches(s, spec, statements)));
}

/** Both directions of the differential property for one spec, each on its own scratch database. */
export async function differential(spec: ModelSpec): Promise<void> {
  const scratch = tempDir("driftwood-differential-");
  try {
    await withDatabase(spec.dialect, async (url, db) => {
      const { project, module } = await specProject(spec, scratch.dir, "kit", url);
      for (const statement of await apiPlan(spec, module, db)) await execute(db, spec, statement);
      await assertNoDiff(project, "database pushed by drizzle-kit");
    });
    await withDatabase(spec.dialect, async (url, db) => {
      const { project, module, file, reopen } = await specProject(spec, scratch.dir, "driftwood", url);
      assert.ok((await generateMigration(project, { message: "models" })).file, "no migration written from empty");
      await upgrade(await reopen());
      assert.deepEqual(unexplained(await pushPlan(spec, file, module, url, db), spec), [], "drizzle-kit push plans changes on a database driftwood migrated");
    });
  } finally {
    scratch.remove();
  }
}

/** Runs one statement of drizzle-kit's plan, so that a failing one fails the property (drizzle-kit reports success regardless). */
async function execute(db: ModelDb, spec: ModelSpec, statement: string): Promise<void> {
  if (spec.dialect === "postgresql") await (db as NodePgDatabase).execute(sql.raw(statement));
  else (db as BetterSQLite3Database).run(sql.raw(statement));
}
