import type { Dialect } from "@driftwood/schema";
import { connectSqlite } from "./sqlite-connect.ts";
import { normalizeSqlite } from "./sqlite-normalize.ts";
import { renderSqlite } from "./sqlite-render.ts";
import { literal, quote } from "./sqlite-sql.ts";
import { sqliteScratch } from "./sqlite-scratch.ts";

/** SQLite through better-sqlite3: one file (or `:memory:`), the `main` schema only. */
export const sqliteDialect: Dialect = {
  name: "sqlite",
  capabilities: {
    transactionalDdl: true,
    alterForeignKeys: false,
    namedConstraints: false,
    namespaces: false,
    enums: false,
    sequences: false,
  },
  quote,
  literal,
  normalize: normalizeSqlite,
  render: renderSqlite,
  scratch: sqliteScratch,
  connect: connectSqlite,
};

export { sqlitePath } from "./sqlite-connect.ts";
