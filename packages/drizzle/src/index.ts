import type { DialectName, Schema } from "@driftwood/schema";
import { pgSchemaFromModules } from "./pg-models.ts";
import { sqliteSchemaFromModules } from "./sqlite-models.ts";

/** One imported model file: its path (for messages) and its exports. */
export interface ModelModule {
  file: string;
  exports: Record<string, unknown>;
}

type Loader = (modules: ModelModule[]) => Schema;

const loaders: Partial<Record<DialectName, Loader>> = {
  postgresql: pgSchemaFromModules,
  sqlite: sqliteSchemaFromModules,
};

/** The `Schema` the drizzle tables exported by `modules` describe, before dialect normalization. */
export function schemaFromModules(modules: ModelModule[], dialect: DialectName): Schema {
  const load = loaders[dialect];
  if (!load) throw new Error(`no drizzle model loader for dialect "${dialect}": use one of ${Object.keys(loaders).join(", ")}`);
  return load(modules);
}
