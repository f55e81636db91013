import type { Dialect } from "@driftwood/schema";
import { connectPostgres } from "./postgres-connect.ts";
import { normalizePostgres } from "./postgres-normalize.ts";
import { literal, quote } from "./postgres-quote.ts";
import { renderPostgres } from "./postgres-render.ts";
import { postgresScratch } from "./postgres-scratch.ts";

/** PostgreSQL (a server through node-postgres, or in-process PGlite). */
export const postgresDialect: Dialect = {
  name: "postgresql",
  capabilities: {
    transactionalDdl: true,
    alterForeignKeys: true,
    namedConstraints: true,
    namespaces: true,
    enums: true,
    sequences: true,
  },
  quote,
  literal,
  normalize: normalizePostgres,
  render: renderPostgres,
  scratch: postgresScratch,
  connect: connectPostgres,
};

export { connectPostgres, maskUrl, type PostgresConnectOptions } from "./postgres-connect.ts";
export { introspectPostgres, type Queryable } from "./postgres-introspect.ts";
