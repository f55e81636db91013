import type { Schema, Table } from "./model.ts";
import { qualifiedKey } from "./names.ts";

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/**
 * Puts every unordered list of a schema in one canonical order (columns and enum values keep
 * theirs: their order means something), so that equal schemas are deep-equal.
 */
export function sortSchema(schema: Schema): Schema {
  return {
    ...schema,
    namespaces: [...schema.namespaces].sort(),
    enums: [...schema.enums].sort(byKey(qualifiedKey)),
    sequences: [...schema.sequences].sort(byKey(qualifiedKey)),
    tables: schema.tables.map(sortTable).sort(byKey(qualifiedKey)),
  };
}

/** One table's unordered lists in canonical order (what `sortSchema` does to each table). */
export function sortTable(t: Table): Table {
  const constraintKey = (c: { name?: string }) => c.name ?? JSON.stringify(c);
  return {
    ...t,
    foreignKeys: [...t.foreignKeys].sort(byKey(constraintKey)),
    uniques: [...t.uniques].sort(byKey(constraintKey)),
    checks: [...t.checks].sort(byKey(constraintKey)),
    indexes: [...t.indexes].sort(byKey((i) => i.name)),
  };
}
