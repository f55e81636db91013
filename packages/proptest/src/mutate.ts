/**
 * Derives B from A by a few mutations. Each keeps B valid, and keeps rows valid under A valid
 * under B for the columns both have (with `rowsFor(a, n, b)`), so that an upgrade succeeds on
 * a table that holds rows. A table never both loses and gains a column, and the spec never
 * both loses and gains a table: that would be a rename candidate and make the property ambiguous.
 */
import { isDeepStrictEqual } from "node:util";
import { drawDefault, drawWiderType } from "./column-types.ts";
import {
  addCheck,
  addForeignKey,
  addIndex,
  addUnique,
  buildColumn,
  buildTable,
  scopesOf,
  type Scopes,
} from "./build.ts";
import type { Draw } from "./draw.ts";
import type { NameOptions } from "./names.ts";
import { findTable, primaryKeyColumns, specKey, type ColumnSpec, type ModelSpec, type TableSpec } from "./spec.ts";

interface Context {
  d: Draw;
  a: ModelSpec;
  b: ModelSpec;
  scopes: Scopes;
  options: NameOptions;
  addedColumnIn: Set<string>;
  droppedColumnIn: Set<string>;
  addedTable: boolean;
  droppedTable: boolean;
}

type Mutation = (c: Context) => boolean;

/** The mutation kinds, each a function that changes `c.b` and says whether it did. */
export const MUTATIONS = {
  addTable: (c) => {
    if (c.droppedTable) return false;
    c.b.tables.push(buildTable(c.d, c.b, c.scopes, c.options));
    return (c.addedTable = true);
  },
  dropTable: (c) => {
    if (c.addedTable) return false;
    // Referenced in A too: the downgrade adds A's foreign keys back over rows that referenced the dropped rows.
    const referenced = new Set(
      [...c.a.tables, ...c.b.tables].flatMap((t) => t.foreignKeys.filter((f) => !sameTable(t, f)).map((f) => specKey({ schema: f.schema, name: f.table }))),
    );
    const fits = c.b.tables.filter((t) => !referenced.has(specKey(t)));
    if (fits.length === 0 || c.b.tables.length === 1) return false;
    const t = c.d.pick(fits);
    c.b.tables.splice(c.b.tables.indexOf(t), 1);
    return (c.droppedTable = true);
  },
  addColumn: (c) => {
    const fits = c.b.tables.filter((t) => !c.droppedColumnIn.has(specKey(t)));
    if (fits.length === 0) return false;
    const t = c.d.pick(fits);
    t.columns.push(buildColumn(c.d, c.b, t, c.scopes, c.options, { addedToExisting: true }));
    c.addedColumnIn.add(specKey(t));
    return true;
  },
  dropColumn: (c) => {
    const fits = c.b.tables
      .filter((t) => !c.addedColumnIn.has(specKey(t)) && t.columns.length > 1)
      .flatMap((t) => t.columns.filter((col) => !isUsed(c.b, t, col.name) && canReAdd(col) && canReAdd(findColumnIn(c.a, t, col.name))).map((col) => ({ t, col })));
    if (fits.length === 0) return false;
    const { t, col } = c.d.pick(fits);
    t.columns.splice(t.columns.indexOf(col), 1);
    c.droppedColumnIn.add(specKey(t));
    return true;
  },
  changeType: (c) => {
    const fits = columns(c.b).filter(({ t, col }) => !inForeignKey(c.b, t, col.name) && !col.identity && !(c.b.dialect === "sqlite" && primaryKeyColumns(t).includes(col.name)));
    if (fits.length === 0) return false;
    const { col } = c.d.pick(fits);
    const wider = drawWiderType(c.d, c.b.dialect, col.type);
    if (!wider) return false;
    col.type = wider;
    return true;
  },
  toggleNotNull: (c) => {
    const fits = columns(c.b).filter(({ t, col }) => !primaryKeyColumns(t).includes(col.name) && !col.identity && col.type.kind !== "serial");
    if (fits.length === 0) return false;
    const { col } = c.d.pick(fits);
    if (col.notNull) {
      col.notNull = false;
      return true;
    }
    // Rows under A hold no NULL where B says NOT NULL (`rowsFor` reads both); the default is for other writers.
    const def = col.default ?? drawDefault(c.d, col.type, c.b.enums);
    if (!def) return false;
    col.default = def;
    col.notNull = true;
    return true;
  },
  addIndex: (c) => {
    const t = c.d.pick(c.b.tables);
    return addIndex(c.d, c.b.dialect, t, c.scopes.relation(t.schema), c.options);
  },
  dropIndex: (c) => dropOne(c, (t) => t.indexes),
  addUnique: (c) => {
    const t = c.d.pick(c.b.tables);
    // A column added to a table with rows holds one value (NULL or its default) in all of them: no unique over it.
    const added = findTable(c.a, t) ? t.columns.filter((col) => !findColumnIn(c.a, t, col.name)).map((col) => col.name) : [];
    return addUnique(c.d, c.b.dialect, t, c.scopes.relation(t.schema), c.options, added);
  },
  dropUnique: (c) => {
    const fits = c.b.tables.flatMap((t) => [
      ...t.uniques.filter((u) => !isReferenced(c.b, t, u.columns)).map((u) => () => void t.uniques.splice(t.uniques.indexOf(u), 1)),
      ...t.columns.filter((col) => col.unique && !isReferenced(c.b, t, [col.name])).map((col) => () => void delete col.unique),
    ]);
    if (fits.length === 0) return false;
    c.d.pick(fits)();
    return true;
  },
  addCheck: (c) => {
    const t = c.d.pick(c.b.tables);
    return addCheck(c.d, t, c.scopes.relation(t.schema), c.options);
  },
  dropCheck: (c) => dropOne(c, (t) => t.checks),
  addForeignKey: (c) => {
    const i = c.d.int(0, c.b.tables.length - 1);
    const t = c.b.tables[i];
    const earlier = c.b.tables.slice(0, i);
    // Existing rows reference existing rows only: over existing columns, only to a table and key A already has.
    if (c.d.bool() && !c.addedColumnIn.has(specKey(t)) && findTable(c.a, t)) {
      const targets = earlier.filter((x) => findTable(c.a, x) && keysExistIn(c.a, x));
      return addForeignKey(c.d, c.b, t, c.scopes, c.options, "existing", targets);
    }
    if (c.droppedColumnIn.has(specKey(t))) return false;
    const added = addForeignKey(c.d, c.b, t, c.scopes, c.options, "new", earlier, true);
    if (added) c.addedColumnIn.add(specKey(t));
    return added;
  },
  dropForeignKey: (c) => dropOne(c, (t) => t.foreignKeys),
} satisfies Record<string, Mutation>;

export type MutationKind = keyof typeof MUTATIONS;

/** Applies 1 to `maxMutations` mutations to a copy of `a`; at least one of them changes it. */
export function mutateSpec(d: Draw, a: ModelSpec, options: NameOptions, maxMutations = 3): ModelSpec {
  const c: Context = {
    d,
    a,
    b: structuredClone(a),
    scopes: scopesOf(a),
    options,
    addedColumnIn: new Set(),
    droppedColumnIn: new Set(),
    addedTable: false,
    droppedTable: false,
  };
  const kinds = Object.keys(MUTATIONS) as MutationKind[];
  let applied = 0;
  const wanted = d.int(1, maxMutations);
  // A later mutation may undo an earlier one (a toggle twice, an add then its drop): go on until B differs.
  for (let attempt = 0; (applied < wanted || equivalent(a, c.b)) && attempt < wanted * 8; attempt++) {
    if (MUTATIONS[d.pick(kinds)](c)) applied++;
  }
  if (equivalent(a, c.b)) MUTATIONS.addTable(c);
  return c.b;
}

/** The downgrade adds a dropped column back to a table with rows: only a nullable or defaulted one can be. */
function canReAdd(col: ColumnSpec | undefined): boolean {
  return col === undefined || !col.notNull || col.default !== undefined;
}

function findColumnIn(spec: ModelSpec, t: TableSpec, name: string): ColumnSpec | undefined {
  const table = findTable(spec, t);
  return table?.columns.find((x) => x.name === name);
}

/** Equal as the database sees them: SQLite keeps no check names, so a check renamed is no change. */
function equivalent(a: ModelSpec, b: ModelSpec): boolean {
  if (a.dialect !== "sqlite") return isDeepStrictEqual(a, b);
  const unnamed = (s: ModelSpec) =>
    s.tables.map((t) => ({ ...t, checks: t.checks.map(({ name: _, ...k }) => k).sort((x, y) => (x.column < y.column ? -1 : x.column > y.column ? 1 : 0)) }));
  return isDeepStrictEqual(unnamed(a), unnamed(b));
}

function columns(spec: ModelSpec): { t: TableSpec; col: ColumnSpec }[] {
  return spec.tables.flatMap((t) => t.columns.map((col) => ({ t, col })));
}

function dropOne<T>(c: Context, list: (t: TableSpec) => T[]): boolean {
  const fits = c.b.tables.filter((t) => list(t).length > 0);
  if (fits.length === 0) return false;
  const items = list(c.d.pick(fits));
  items.splice(c.d.int(0, items.length - 1), 1);
  return true;
}

function sameTable(t: TableSpec, f: { schema?: string; table: string }): boolean {
  return t.name === f.table && t.schema === f.schema;
}

function inForeignKey(spec: ModelSpec, t: TableSpec, column: string): boolean {
  return t.foreignKeys.some((f) => f.columns.includes(column)) || isReferenced(spec, t, [column], true);
}

/** Whether a foreign key references `columns` of `t` (exactly, or with `partly`, any of them). */
function isReferenced(spec: ModelSpec, t: TableSpec, columns: string[], partly = false): boolean {
  return spec.tables.some((x) =>
    x.foreignKeys.some((f) =>
      sameTable(t, f) &&
      (partly ? f.foreignColumns.some((fc) => columns.includes(fc)) : JSON.stringify(f.foreignColumns) === JSON.stringify(columns)),
    ),
  );
}

/** Whether the column is in a key, foreign key, index or check of the table. */
function isUsed(spec: ModelSpec, t: TableSpec, column: string): boolean {
  const col = t.columns.find((c) => c.name === column)!;
  return (
    col.primaryKey === true ||
    col.unique === true ||
    inForeignKey(spec, t, column) ||
    (t.primaryKey?.columns.includes(column) ?? false) ||
    t.uniques.some((u) => u.columns.includes(column)) ||
    t.checks.some((k) => k.column === column) ||
    t.indexes.some((i) => i.whereNotNull === column || i.parts.some((p) => p.column === column))
  );
}

/** Whether every primary key and unique of `t` in B is over columns `a`'s version of it has. */
function keysExistIn(a: ModelSpec, t: TableSpec): boolean {
  const old = findTable(a, t)!;
  return t.columns.every((c) => old.columns.some((o) => o.name === c.name) || (!c.primaryKey && !c.unique)) &&
    t.uniques.every((u) => u.columns.every((n) => old.columns.some((o) => o.name === n)));
}
