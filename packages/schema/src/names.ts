import type { QualifiedName } from "./model.ts";

/** A stable map key for a schema-qualified name. */
export function qualifiedKey(q: QualifiedName): string {
  return q.schema === undefined ? q.name : `${q.schema}.${q.name}`;
}

export function sameName(a: QualifiedName, b: QualifiedName): boolean {
  return a.name === b.name && a.schema === b.schema;
}
