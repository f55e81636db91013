import type { OnTable, QualifiedName } from "@driftwood/schema";

/**
 * A string that is equal for two values exactly when they are deep-equal, ignoring fields that
 * are `undefined` and the order of object keys (array order counts).
 */
export function shapeKey(value: unknown): string {
  // JSON.stringify with the keys sorted, written directly: a replacer building sorted copies of
  // every object cost more than the rest of the comparison.
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((x) => (x === undefined ? "null" : shapeKey(x))).join(",")}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(record).sort()) {
    if (record[k] !== undefined) parts.push(`${JSON.stringify(k)}:${shapeKey(record[k])}`);
  }
  return `{${parts.join(",")}}`;
}

/**
 * Whether `shapeKey(a) === shapeKey(b)`, without building either string: the comparator asks
 * this for every column of every table.
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // JSON writes an `undefined` array item as null.
    return a.every((x, i) => same(x ?? null, b[i] ?? null));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    defined++;
    if (!same(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) defined--;
  return defined === 0;
}

export interface Matched<T> {
  added: T[];
  removed: T[];
  kept: { from: T; to: T }[];
}

/**
 * Pairs the items of two lists by `key`, in one pass over each (no pairwise name matching).
 * Callers drop `removed` items last first, so that a drop mirrors the downgrade of a create.
 */
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
