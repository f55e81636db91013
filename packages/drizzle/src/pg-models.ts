// The drizzle pg-core loader: finds tables, enums, sequences and schemas among a module's
// exports (with drizzle-orm's `is`, since the user's file may bring its own copy of drizzle-orm)
// and builds the `Schema` they describe.
import type { PgEnum, PgSequence } from "drizzle-orm/pg-core";
import { emptySchema, qualifiedKey, sortSchema, type Enum, type Schema, type Sequence } from "@driftwood/schema";
import type { ModelModule } from "./index.ts";
import { orm, pgCore, pgTableConfig } from "./orm.ts";
import { columnEnum, modelSchema, sequenceOptionsFromPg, tableFromPg } from "./pg-table.ts";

/** The PostgreSQL `Schema` the given model modules declare (not yet normalized). */
export function pgSchemaFromModules(modules: ModelModule[]): Schema {
  const { is } = orm();
  const { isPgEnum, isPgSequence, PgDialect, PgSchema, PgTable } = pgCore();
  const values = new Set(modules.flatMap((m) => Object.values(m.exports)));
  const dialect = new PgDialect();
  const schema = emptySchema("postgresql");
  const namespaces = new Set<string>();
  const enums = new Map<string, Enum>();
  const sequences = new Map<string, Sequence>();
  const addEnum = (e: PgEnum<[string, ...string[]]>) => {
    const model: Enum = { schema: modelSchema(e.schema), name: e.enumName, values: [...e.enumValues] };
    enums.set(qualifiedKey(model), model);
  };
  for (const value of values) {
    if (is(value, PgTable)) {
      schema.tables.push(tableFromPg(value, dialect));
      const config = pgTableConfig(value);
      if (modelSchema(config.schema)) namespaces.add(config.schema!);
      for (const c of config.columns) {
        const e = columnEnum(c);
        if (e) addEnum(e);
      }
    } else if (isPgEnum(value)) {
      addEnum(value);
    } else if (isPgSequence(value)) {
      const s = sequenceFromPg(value);
      sequences.set(qualifiedKey(s), s);
    } else if (is(value, PgSchema)) {
      if (modelSchema(value.schemaName)) namespaces.add(value.schemaName);
    }
  }
  for (const e of enums.values()) if (e.schema) namespaces.add(e.schema);
  for (const s of sequences.values()) if (s.schema) namespaces.add(s.schema);
  schema.namespaces = [...namespaces];
  schema.enums = [...enums.values()];
  schema.sequences = [...sequences.values()];
  return sortSchema(schema);
}

function sequenceFromPg(s: PgSequence): Sequence {
  return { schema: modelSchema(s.schema), name: s.seqName!, ...sequenceOptionsFromPg(s.seqOptions) };
}
