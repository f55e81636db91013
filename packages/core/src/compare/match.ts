import type { OnTable, QualifiedName } from "@driftwood/schema";

/**
 * A string that is equal for two values exactly when they are deep-equal, ignoring fields that
 * are `undefined` and the order of object keys (array order counts).
 */
export function shapeKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export function same(a: unknown, b: unknown): boolean {
  return shapeKey(a) === shapeKey(b);
}

export interface Matched<T> {
  added: T[];
  removed: T[];
  kept: { from: T; to: T }[];
}

/** Pairs the items of two lists by `key`, in one pass over each (no pairwise name matching). */
export function matchBy<T>(actual: readonly T[], desired: readonly T[], key: (item: T) => string): Matched<T> {
  const before = new Map(actual.map((item) => [key(item), item]));
  const after = new Map(desired.map((item) => [key(item), item]));
  const result: Matched<T> = { added: [], removed: [], kept: [] };
  for (const [k, from] of before) {
    const to = after.get(k);
    if (to === undefined) result.removed.push(from);
    else result.kept.push({ from, to });
  }
  for (const [k, to] of after) if (!before.has(k)) result.added.push(to);
  return result;
}

/** The `{ schema?, table }` part of a table op, without an `undefined` schema field. */
export function onTable(t: QualifiedName): OnTable {
  return t.schema === undefined ? { table: t.name } : { schema: t.schema, table: t.name };
}

/** `{ schema?, name }` without an `undefined` schema field. */
export function nameOf(q: QualifiedName): QualifiedName {
  return q.schema === undefined ? { name: q.name } : { schema: q.schema, name: q.name };
}
