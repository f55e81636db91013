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

/**
 * A user type's name, always with its schema: an unqualified `"name"` or `"text"` would find
 * pg_catalog's type of that name first, whatever the search path.
 */
export function qualifiedType(q: QualifiedName): string {
  return `${quote(q.schema ?? "public")}.${quote(q.name)}`;
}
