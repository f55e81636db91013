import type { Index, Op, Table } from "@driftwood/schema";
import { onTable, same } from "./match.ts";
import { changes } from "./constraints.ts";

/** Indexes of a table present on both sides, matched by name; a changed index is dropped and created again. */
export function compareIndexes(actual: Table, desired: Table): Op[] {
  const at = onTable(desired);
  const { drop, add } = changes(actual.indexes, desired.indexes, (i) => i.name, sameIndex);
  return [
    ...drop.map((index): Op => ({ kind: "dropIndex", ...at, index })),
    ...add.map((index): Op => ({ kind: "createIndex", ...at, index })),
  ];
}

/** `concurrently` is how an index is built, not what it is: a database cannot report it. */
function sameIndex(a: Index, b: Index): boolean {
  return same({ ...a, concurrently: undefined }, { ...b, concurrently: undefined });
}
