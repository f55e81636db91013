import type { Dialect, DialectName } from "@driftwood/schema";
import type { Toolkit } from "@driftwood/core";
import { schemaFromModules } from "@driftwood/drizzle";

/** Dialects are imported when first used, so a SQLite project never loads the PostgreSQL drivers. */
const dialects: Record<DialectName, () => Promise<Dialect>> = {
  sqlite: async () => (await import("@driftwood/dialect-sqlite")).sqliteDialect,
  postgresql: async () => (await import("@driftwood/dialect-postgres")).postgresDialect,
};

/** The packages core works with: the dialects and the drizzle model loader. */
export const toolkit: Toolkit = {
  dialect: (name) => dialects[name](),
  schemaFromModules,
};
