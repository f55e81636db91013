import { invertAll, qualifiedKey, type Capabilities, type Op, type Schema, type Table } from "@driftwood/schema";
import { matchBy, onTable } from "./match.ts";
import { compareColumns } from "./columns.ts";
import { compareConstraints } from "./constraints.ts";
import { compareIndexes } from "./indexes.ts";

export function compareTables(actual: Schema, desired: Schema, capabilities: Capabilities): Op[] {
  const { added, removed, kept } = matchBy(actual.tables, desired.tables, qualifiedKey);
  return [
    ...added.flatMap((t) => createTableOps(t, capabilities)),
    ...removed.reverse().flatMap((t) => invertAll(createTableOps(t, capabilities))),
    ...kept.flatMap(({ from, to }) => [
      ...compareColumns(from, to),
      ...compareConstraints(from, to, capabilities),
      ...compareIndexes(from, to),
    ]),
  ];
}

/**
 * A new table: `createTable` without its indexes (and without its foreign keys where ALTER can
 * add them, so tables that reference each other can all be created first), then one op per
 * index and per foreign key.
 */
export function createTableOps(table: Table, capabilities: Capabilities): Op[] {
  const at = onTable(table);
  const separateForeignKeys = capabilities.alterForeignKeys;
  return [
    {
      kind: "createTable",
      table: { ...table, indexes: [], foreignKeys: separateForeignKeys ? [] : table.foreignKeys },
    },
    ...table.indexes.map((index): Op => ({ kind: "createIndex", ...at, index })),
    ...(separateForeignKeys ? table.foreignKeys.map((foreignKey): Op => ({ kind: "addForeignKey", ...at, foreignKey })) : []),
  ];
}
