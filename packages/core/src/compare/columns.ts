import type { Op, Table } from "@driftwood/schema";
import { matchBy, onTable, same } from "./match.ts";

/** Column changes of a table present on both sides; a column is matched by name. */
export function compareColumns(actual: Table, desired: Table): Op[] {
  const { added, removed, kept } = matchBy(actual.columns, desired.columns, (c) => c.name);
  const at = onTable(desired);
  return [
    ...added.map((column): Op => ({ kind: "addColumn", ...at, column })),
    ...removed.reverse().map((column): Op => ({ kind: "dropColumn", ...at, column })),
    ...kept.filter(({ from, to }) => !same(from, to)).map(({ from, to }): Op => ({ kind: "alterColumn", ...at, from, to })),
  ];
}
