import { test } from "node:test";
import { join } from "node:path";
import { sqliteDialect } from "@driftwood/dialect-sqlite";
import { branchAndMerge, editedMigration, everyCommand, failingMigration, programmaticApi, unknownRevision, type Target } from "./workflow.ts";

const sqlite: Target = {
  dialect: sqliteDialect,
  name: "sqlite",
  url: "./app.db",
  queryUrl: (p) => join(p.dir, "app.db"),
  users: `import { sqliteTable, integer, text } from "drizzle-orm/sqlite-core";
export const users = sqliteTable("users", { id: integer("id").primaryKey(), name: text("name").notNull() });
`,
  usersWithEmail: `import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
export const users = sqliteTable("users", { id: integer("id").primaryKey(), name: text("name").notNull(), email: text("email") },
  (t) => [index("users_email_idx").on(t.email)]);
`,
  tablesSql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  columnsSql: (table) => `SELECT name FROM pragma_table_info('${table}') ORDER BY cid`,
};

test("SQLite: every command of the workflow, as a user types it", () => everyCommand(sqlite));
test("SQLite: two branches are refused by upgrade head, merged, then upgraded together", () => branchAndMerge(sqlite));
test("SQLite: a migration failing halfway leaves the previous revision and names file and statement", () => failingMigration(sqlite));
test("SQLite: an applied migration edited afterwards is reported until accepted", () => editedMigration(sqlite));
test("SQLite: a version row no file defines is diagnosed and fixed by stamp", () => unknownRevision(sqlite));
test("SQLite: migrate() and pending() for applications; which migration adds a column check finds missing", () => programmaticApi(sqlite));
