// Shared test steps: load models, build a database by rendering ops, compare schemas.
import { applyOp, emptySchema, type Connection, type Op, type Schema } from "@driftwood/schema";
import { schemaFromModules } from "@driftwood/drizzle";
import { postgresDialect } from "../src/index.ts";

/** The normalized schema drizzle models describe. */
export function modelSchema(models: Record<string, unknown>): Schema {
  return postgresDialect.normalize(schemaFromModules([{ file: "models.ts", exports: models }], "postgresql"));
}

export async function introspected(conn: Connection): Promise<Schema> {
  return postgresDialect.normalize(await conn.introspect());
}

/**
 * Without `concurrently`: the catalog does not record how an index was built, only the models
 * (and the rendered SQL) know it.
 */
export function withoutBuildHints(schema: Schema): Schema {
  const s = structuredClone(schema);
  for (const t of s.tables) for (const i of t.indexes) delete i.concurrently;
  return s;
}

/** The ops that create `schema` from an empty database, in execution order. */
export function creationOps(schema: Schema): Op[] {
  return [
    ...schema.namespaces.map((name): Op => ({ kind: "createSchema", name })),
    ...schema.enums.map((e): Op => ({ kind: "createEnum", enum: e })),
    ...schema.sequences.map((s): Op => ({ kind: "createSequence", sequence: s })),
    ...schema.tables.map((t): Op => ({ kind: "createTable", table: { ...t, foreignKeys: [], indexes: [] } })),
    ...schema.tables.flatMap((t) =>
      t.indexes.map((index): Op => ({ kind: "createIndex", schema: t.schema, table: t.name, index })),
    ),
    ...schema.tables.flatMap((t) =>
      t.foreignKeys.map((foreignKey): Op => ({ kind: "addForeignKey", schema: t.schema, table: t.name, foreignKey })),
    ),
  ];
}

/** Renders and runs each op against `conn`, starting from `before`; returns the schema after them. */
export async function run(conn: Connection, ops: Op[], before: Schema = emptySchema("postgresql")): Promise<Schema> {
  let schema = before;
  for (const op of ops) {
    for (const statement of postgresDialect.render(op, schema)) await conn.execute(statement.sql);
    schema = applyOp(schema, op);
  }
  return schema;
}
