import type { QualifiedName } from "@driftwood/schema";

/** The one identifier-quoting function of the dialect: always quoted, so case, spaces and reserved words survive. */
export function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** A string literal. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `"schema"."name"`, or `"name"` in the default schema. */
export function qualified(q: QualifiedName): string {
  return q.schema === undefined ? quote(q.name) : `${quote(q.schema)}.${quote(q.name)}`;
}
