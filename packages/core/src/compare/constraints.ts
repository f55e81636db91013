import type { Capabilities, Op, Table } from "@driftwood/schema";
import { matchBy, onTable, same, shapeKey } from "./match.ts";

/**
 * Primary key, foreign keys, unique and check constraints of a table present on both sides.
 * A changed constraint is dropped and added again: no database alters one in place.
 */
export function compareConstraints(actual: Table, desired: Table, capabilities: Capabilities): Op[] {
  const at = onTable(desired);
  const key = constraintKey(capabilities);
  const equal = capabilities.namedConstraints ? same : (a: { name?: string }, b: { name?: string }) => same(unnamed(a), unnamed(b));
  const ops: Op[] = [];
  if (!same(actual.primaryKey, desired.primaryKey)) {
    if (actual.primaryKey) ops.push({ kind: "dropPrimaryKey", ...at, primaryKey: actual.primaryKey });
    if (desired.primaryKey) ops.push({ kind: "addPrimaryKey", ...at, primaryKey: desired.primaryKey });
  }
  const fks = changes(actual.foreignKeys, desired.foreignKeys, key, equal);
  ops.push(...fks.drop.map((foreignKey): Op => ({ kind: "dropForeignKey", ...at, foreignKey })));
  ops.push(...fks.add.map((foreignKey): Op => ({ kind: "addForeignKey", ...at, foreignKey })));
  const uniques = changes(actual.uniques, desired.uniques, key, equal);
  ops.push(...uniques.drop.map((unique): Op => ({ kind: "dropUnique", ...at, unique })));
  ops.push(...uniques.add.map((unique): Op => ({ kind: "addUnique", ...at, unique })));
  const checks = changes(actual.checks, desired.checks, key, equal);
  ops.push(...checks.drop.map((check): Op => ({ kind: "dropCheck", ...at, check })));
  ops.push(...checks.add.map((check): Op => ({ kind: "addCheck", ...at, check })));
  return ops;
}

/**
 * By name where the database keeps constraint names; otherwise (and for a constraint with no
 * name) by what it constrains, so a name the database forgot is no difference.
 */
function constraintKey(capabilities: Capabilities) {
  return (c: { name?: string }): string => {
    if (capabilities.namedConstraints && c.name !== undefined) return `name:${c.name}`;
    return `shape:${shapeKey(unnamed(c))}`;
  };
}

function unnamed<T extends { name?: string }>(c: T): Omit<T, "name"> {
  const { name: _name, ...rest } = c;
  return rest;
}

/** What to drop and what to add so that `actual` becomes `desired`; a changed item is in both lists. */
export function changes<T>(
  actual: readonly T[],
  desired: readonly T[],
  key: (item: T) => string,
  equal: (a: T, b: T) => boolean = same,
) {
  const { added, removed, kept } = matchBy(actual, desired, key);
  const changed = kept.filter(({ from, to }) => !equal(from, to));
  return { drop: [...removed, ...changed.map((c) => c.from)], add: [...added, ...changed.map((c) => c.to)] };
}
