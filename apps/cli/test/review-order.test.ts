// Execution order as a reviewer reads it and the database needs it: enums and sequences before
// the tables that use them, tables before the foreign keys that point at them (a cycle too),
// drops the other way round, and a downgrade that really undoes the upgrade.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Dialect } from "@driftwood/schema";
import { sqliteDialect } from "@driftwood/dialect-sqlite";
import { postgresDialect } from "@driftwood/dialect-postgres";
import { scratchPostgres, scratchSqlite, type ScratchDb } from "@driftwood/testkit";
import { queryDb, tempProject, type CliResult, type TempProject } from "./project.ts";

function ok(r: CliResult): CliResult {
  assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The op calls of one function of a migration file, in order, as `kind table-or-name`. */
function calls(p: TempProject, rev: string, fn: "upgrade" | "downgrade"): string[] {
  const name = p.migrations().find((m) => m.startsWith(`${rev}_`))!;
  const source = readFileSync(join(p.dir, "migrations", name), "utf8");
  const body = source.slice(source.indexOf(`export function ${fn}(`)).split("\n}\n")[0]!;
  return [...body.matchAll(/^ {2}op\.(\w+)\(\{(?:\s|\w+: \{)*(?:table|name): "(\w+)"/gm)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
}

const PG_MODELS = `import { pgTable, pgEnum, pgSequence, integer, text, bigint, type AnyPgColumn } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
export const status = pgEnum("status", ["active", "benched"]);
export const ticketSeq = pgSequence("ticket_seq");
export const teams = pgTable("teams", {
  id: integer("id").primaryKey(),
  captainId: integer("captain_id").references((): AnyPgColumn => players.id),
});
export const players = pgTable("players", {
  id: integer("id").primaryKey(),
  teamId: integer("team_id").notNull().references((): AnyPgColumn => teams.id),
  status: status("status").notNull().default("active"),
  ticket: bigint("ticket", { mode: "number" }).default(sql\`nextval('ticket_seq')\`),
});
`;

const SQLITE_MODELS = `import { sqliteTable, integer, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
export const teams = sqliteTable("teams", {
  id: integer("id").primaryKey(),
  captainId: integer("captain_id").references((): AnySQLiteColumn => players.id),
});
export const players = sqliteTable("players", {
  id: integer("id").primaryKey(),
  teamId: integer("team_id").notNull().references((): AnySQLiteColumn => teams.id),
});
`;

/** Writes the config and models, generates `rev`, and checks its file against `expected` calls. */
function generate(p: TempProject, db: ScratchDb, dialect: string, models: string): void {
  p.write("driftwood.config.ts", `export default { dialect: "${dialect}", schema: "./schema.ts", url: ${JSON.stringify(db.url)} };\n`);
  p.write("schema.ts", models);
  ok(p.cli("migrate", "-m", "teams and players", "--rev-id", "cycle"));
}

/** Rows that use both foreign keys of the cycle, then down to base and up again. */
async function roundTrip(p: TempProject, dialect: Dialect, url: string, tables: () => Promise<string[]>): Promise<void> {
  ok(p.cli("upgrade"));
  await queryDb(dialect, url, "INSERT INTO teams (id) VALUES (1)");
  await queryDb(dialect, url, "INSERT INTO players (id, team_id) VALUES (10, 1)");
  await queryDb(dialect, url, "UPDATE teams SET captain_id = 10 WHERE id = 1");
  await assert.rejects(queryDb(dialect, url, "INSERT INTO players (id, team_id) VALUES (11, 99)"), /foreign key/i);
  ok(p.cli("downgrade", "base"));
  assert.deepEqual(await tables(), ["driftwood_version", "driftwood_version_applied"]);
  ok(p.cli("upgrade"));
  assert.match(ok(p.cli("check")).stdout, /No differences/);
}

test("PostgreSQL: enum and sequence first, both tables of a foreign-key cycle before either key; the downgrade undoes it all", async () => {
  const db = await scratchPostgres();
  const p = tempProject();
  try {
    generate(p, db, "postgresql", PG_MODELS);
    assert.deepEqual(calls(p, "cycle", "upgrade"), [
      "createEnum status",
      "createSequence ticket_seq",
      "createTable players",
      "createTable teams",
      "addForeignKey players",
      "addForeignKey teams",
    ]);
    assert.deepEqual(calls(p, "cycle", "downgrade"), [
      "dropForeignKey teams",
      "dropForeignKey players",
      "dropTable teams",
      "dropTable players",
      "dropSequence ticket_seq",
      "dropEnum status",
    ]);
    const pgTables = async () =>
      (await queryDb(postgresDialect, db.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => String(r.tablename));
    await roundTrip(p, postgresDialect, db.url, pgTables);
    await queryDb(postgresDialect, db.url, "INSERT INTO teams (id) VALUES (1)");
    await queryDb(postgresDialect, db.url, "INSERT INTO players (id, team_id) VALUES (10, 1)");

    // Removing it all from the models drops keys, then tables, then what the tables used.
    p.write("schema.ts", "export {};\n");
    ok(p.cli("migrate", "-m", "drop all", "--rev-id", "dropall"));
    assert.deepEqual(calls(p, "dropall", "upgrade"), calls(p, "cycle", "downgrade"));
    ok(p.cli("upgrade"));
    assert.deepEqual(await pgTables(), ["driftwood_version", "driftwood_version_applied"]);
    assert.deepEqual(await queryDb(postgresDialect, db.url, "SELECT typname FROM pg_type WHERE typname = 'status'"), []);
    ok(p.cli("downgrade", "-1"));
    assert.deepEqual(await pgTables(), ["driftwood_version", "driftwood_version_applied", "players", "teams"]);
    await queryDb(postgresDialect, db.url, "INSERT INTO teams (id) VALUES (2)");
    await assert.rejects(queryDb(postgresDialect, db.url, "UPDATE teams SET captain_id = 99"), /foreign key/i);
  } finally {
    p.remove();
    await db.drop();
  }
});

test("SQLite: a foreign-key cycle is created, filled, dropped and created again", async () => {
  const db = await scratchSqlite();
  const p = tempProject();
  try {
    generate(p, db, "sqlite", SQLITE_MODELS);
    assert.deepEqual(calls(p, "cycle", "upgrade"), ["createTable players", "createTable teams"]);
    assert.deepEqual(calls(p, "cycle", "downgrade"), ["dropTable teams", "dropTable players"]);
    const sqliteTables = async () =>
      (await queryDb(sqliteDialect, db.url, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")).map((r) => String(r.name));
    await roundTrip(p, sqliteDialect, db.url, sqliteTables);
  } finally {
    p.remove();
    await db.drop();
  }
});
