/**
 * Builds specs from a `Draw`. Every builder keeps the spec's invariants: names unique in their
 * scope and short enough, foreign keys only to an earlier table's primary key or unique with
 * matching types, keys only over types whose generated values are distinct (see `rows.ts`).
 */
import type { DialectName } from "@driftwood/schema";
import {
  drawColumnType,
  drawDefault,
  isIndexable,
  isIntegerLike,
  isKeyType,
  isTextLike,
  referenceType,
} from "./column-types.ts";
import type { Draw } from "./draw.ts";
import { MAX_IDENTIFIER_BYTES, NameScope, nameFragments, ENUM_LABELS, type NameOptions } from "./names.ts";
import {
  referenceableKeys,
  specKey,
  type ColumnSpec,
  type ForeignKeySpec,
  type IndexSpec,
  type ModelSpec,
  type TableSpec,
} from "./spec.ts";

export interface SpecOptions extends NameOptions {
  dialect: DialectName;
  /** At most this many tables (default 4). */
  maxTables?: number;
}

/** Name scopes of one spec: one per PostgreSQL namespace for relations, types and constraints, one per table for columns. */
export class Scopes {
  private readonly relations = new Map<string, NameScope>();
  private readonly columnScopes = new Map<string, NameScope>();
  readonly namespaces: NameScope;
  constructor(readonly dialect: DialectName) {
    this.namespaces = new NameScope(dialect);
  }
  relation(schema: string | undefined): NameScope {
    return getOrAdd(this.relations, schema ?? "", () => new NameScope(this.dialect));
  }
  columns(table: { schema?: string; name: string }): NameScope {
    return getOrAdd(this.columnScopes, specKey(table), () => new NameScope(this.dialect));
  }
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/** Every name a spec uses or makes drizzle derive, claimed, so that further names stay unique. */
export function scopesOf(spec: ModelSpec): Scopes {
  const scopes = new Scopes(spec.dialect);
  for (const n of spec.namespaces) scopes.namespaces.claim(n);
  for (const e of spec.enums) scopes.relation(e.schema).claim(e.name);
  for (const t of spec.tables) {
    const rel = scopes.relation(t.schema);
    rel.claim(t.name);
    for (const c of t.columns) scopes.columns(t).claim(c.name);
    const named = [t.primaryKey?.name, ...t.foreignKeys.map((f) => f.name), ...t.uniques.map((u) => u.name)];
    for (const n of [...named, ...t.checks.map((c) => c.name), ...t.indexes.map((i) => i.name)]) if (n) rel.claim(n);
    for (const n of derivedNames(t)) rel.claim(n);
  }
  return scopes;
}

/** Names drizzle (or the database) derives for the table's unnamed objects. */
export function derivedNames(t: TableSpec): string[] {
  const names: string[] = [];
  if (t.columns.some((c) => c.primaryKey)) names.push(`${t.name}_pkey`);
  if (t.primaryKey && !t.primaryKey.name) names.push(pkName(t.name, t.primaryKey.columns));
  for (const c of t.columns) {
    if (c.unique) names.push(uniqueName(t.name, [c.name]));
    if (c.type.kind === "serial" || c.identity) names.push(`${t.name}_${c.name}_seq`);
  }
  for (const u of t.uniques) if (!u.name) names.push(uniqueName(t.name, u.columns));
  for (const f of t.foreignKeys) if (!f.name) names.push(fkName(t.name, f));
  return names;
}

const pkName = (table: string, columns: string[]) => `${table}_${columns.join("_")}_pk`;
const uniqueName = (table: string, columns: string[]) => `${table}_${columns.join("_")}_unique`;
const fkName = (table: string, f: ForeignKeySpec) =>
  `${table}_${f.columns.join("_")}_${f.table}_${f.foreignColumns.join("_")}_fk`;

export function drawName(d: Draw, options: NameOptions): string {
  const fragments = nameFragments(options);
  const first = d.pick(fragments);
  if (d.int(0, 3) > 0) return first;
  return `${first}${d.pick([" ", "_"])}${d.pick(fragments)}`;
}

/** Undefined to let drizzle derive the name, or an explicit name when asked for or when the derived one is taken or too long. */
function constraintName(d: Draw, scope: NameScope, derived: string, options: NameOptions): string | undefined {
  if (!d.bool() && scope.tryClaim(derived)) return undefined;
  return scope.fresh(drawName(d, options), MAX_IDENTIFIER_BYTES);
}

export function buildSpec(d: Draw, options: SpecOptions): ModelSpec {
  const { dialect } = options;
  const spec: ModelSpec = { dialect, namespaces: [], enums: [], tables: [] };
  const scopes = new Scopes(dialect);
  if (dialect === "postgresql") {
    for (let i = d.int(0, 2); i > 0; i--) spec.namespaces.push(scopes.namespaces.fresh(drawName(d, options)));
    for (let i = d.int(0, 2); i > 0; i--) {
      const schema = drawSchema(d, spec);
      const name = scopes.relation(schema).fresh(drawName(d, options));
      const values = d.some(ENUM_LABELS, d.int(1, 4));
      spec.enums.push(schema === undefined ? { name, values } : { schema, name, values });
    }
  }
  for (let i = d.int(1, options.maxTables ?? 4); i > 0; i--) spec.tables.push(buildTable(d, spec, scopes, options));
  return spec;
}

function drawSchema(d: Draw, spec: ModelSpec): string | undefined {
  return spec.namespaces.length > 0 && d.bool() ? d.pick(spec.namespaces) : undefined;
}

/** A new table for `spec` (not yet added to it), with foreign keys only to tables already in it. */
export function buildTable(d: Draw, spec: ModelSpec, scopes: Scopes, options: NameOptions): TableSpec {
  const schema = drawSchema(d, spec);
  const rel = scopes.relation(schema);
  const name = rel.fresh(drawName(d, options));
  const table: TableSpec = { name, columns: [], foreignKeys: [], uniques: [], checks: [], indexes: [] };
  if (schema !== undefined) table.schema = schema;
  for (let i = d.int(1, 4); i > 0; i--) table.columns.push(buildColumn(d, spec, table, scopes, options));
  if (spec.tables.length > 0 && d.bool()) {
    for (let i = d.int(1, 2); i > 0; i--) addForeignKey(d, spec, table, scopes, options, "new");
  }
  addPrimaryKey(d, spec.dialect, table, rel, options);
  for (let i = d.int(0, 2); i > 0; i--) addUnique(d, spec.dialect, table, rel, options);
  for (let i = d.int(0, 2); i > 0; i--) addCheck(d, table, rel, options);
  for (let i = d.int(0, 2); i > 0; i--) addIndex(d, spec.dialect, table, rel, options);
  return table;
}

export interface ColumnConstraints {
  /** The column goes into a table that may already hold rows: no serial or identity, NOT NULL only with a default. */
  addedToExisting?: boolean;
}

export function buildColumn(
  d: Draw,
  spec: ModelSpec,
  table: TableSpec,
  scopes: Scopes,
  options: NameOptions,
  constraints: ColumnConstraints = {},
): ColumnSpec {
  const name = scopes.columns(table).fresh(drawName(d, options));
  let type = drawColumnType(d, spec.dialect, spec.enums);
  if (constraints.addedToExisting && type.kind === "serial") type = { kind: "integer" };
  const column: ColumnSpec = { name, type, notNull: type.kind === "serial" || d.bool() };
  if (type.kind !== "serial" && d.bool()) {
    const def = drawDefault(d, type, spec.enums);
    if (def) column.default = def;
  }
  if (constraints.addedToExisting && column.notNull && !column.default) column.notNull = false;
  const identityFits = spec.dialect === "postgresql" && isIntegerLike(type) && type.kind !== "serial" && !column.default;
  if (identityFits && !constraints.addedToExisting && d.int(0, 3) === 0) {
    if (scopes.relation(table.schema).tryClaim(`${table.name}_${name}_seq`)) {
      column.identity = d.bool() ? "always" : "byDefault";
      column.notNull = true;
    }
  }
  if (type.kind === "serial") scopes.relation(table.schema).tryClaim(`${table.name}_${name}_seq`);
  return column;
}

/**
 * Adds a foreign key from `table` to the primary key or a unique of an earlier table: over new
 * nullable-or-not columns of the matching types (`"new"`), or over existing columns of exactly
 * those types that are in no other foreign key (`"existing"`). Returns false when nothing fits.
 */
export function addForeignKey(
  d: Draw,
  spec: ModelSpec,
  table: TableSpec,
  scopes: Scopes,
  options: NameOptions,
  over: "new" | "existing",
  targets: TableSpec[] = spec.tables,
  newColumnsNullable = false,
): boolean {
  const candidates = targets.filter((t) => foreignKeyTargets(t).length > 0);
  if (candidates.length === 0) return false;
  const target = d.pick(candidates);
  const key = d.pick(foreignKeyTargets(target));
  const types = key.map((c) => referenceType(target.columns.find((x) => x.name === c)!.type));
  let columns: string[];
  if (over === "new") {
    columns = types.map((type) => {
      const name = scopes.columns(table).fresh(drawName(d, options));
      table.columns.push({ name, type, notNull: !newColumnsNullable && d.bool() });
      return name;
    });
  } else {
    const inFk = new Set(table.foreignKeys.flatMap((f) => f.columns));
    const free = table.columns.filter((c) => !inFk.has(c.name) && !c.identity);
    const picked: string[] = [];
    for (const type of types) {
      const fits = free.filter((c) => !picked.includes(c.name) && sameType(c.type, type));
      if (fits.length === 0) return false;
      picked.push(d.pick(fits).name);
    }
    columns = picked;
  }
  const nullable = columns.every((c) => !table.columns.find((x) => x.name === c)!.notNull);
  const onDelete = d.pick(nullable ? (["no action", "cascade", "restrict", "set null"] as const) : (["no action", "cascade", "restrict"] as const));
  const fk: ForeignKeySpec = { columns, table: target.name, foreignColumns: key, onDelete };
  if (target.schema !== undefined) fk.schema = target.schema;
  const name = constraintName(d, scopes.relation(table.schema), fkName(table.name, fk), options);
  table.foreignKeys.push(name === undefined ? fk : { name, ...fk });
  return true;
}

/** Keys a foreign key may reference: not over an `ALWAYS` identity, whose values rows cannot give. */
function foreignKeyTargets(t: TableSpec): string[][] {
  return referenceableKeys(t).filter((k) => k.every((c) => t.columns.find((x) => x.name === c)!.identity !== "always"));
}

function sameType(a: ColumnSpec["type"], b: ColumnSpec["type"]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function keyColumns(table: TableSpec): ColumnSpec[] {
  return table.columns.filter((c) => isKeyType(c.type));
}

/** Column sets that already hold a key: PostgreSQL's CREATE TABLE keeps only one of two equal unique constraints. */
function takenKeys(table: TableSpec): Set<string> {
  return new Set([...referenceableKeys(table), ...table.uniques.map((u) => u.columns)].map((k) => JSON.stringify(k)));
}

function addPrimaryKey(d: Draw, dialect: DialectName, table: TableSpec, rel: NameScope, options: NameOptions): void {
  const keyable = keyColumns(table);
  const mode = d.int(0, keyable.length >= 2 ? 2 : keyable.length);
  if (mode === 0) return;
  if (mode === 1) {
    const column = d.pick(keyable);
    column.primaryKey = true;
    column.notNull = true;
    if (dialect === "sqlite" && column.type.kind === "integer" && !column.default && d.bool()) column.autoincrement = true;
    rel.claim(`${table.name}_pkey`);
    return;
  }
  const columns = d.some(keyable, 2);
  for (const c of columns) c.notNull = true;
  const names = columns.map((c) => c.name);
  const name = dialect === "postgresql" ? constraintName(d, rel, pkName(table.name, names), options) : undefined;
  if (dialect === "sqlite") rel.tryClaim(pkName(table.name, names));
  table.primaryKey = name === undefined ? { columns: names } : { name, columns: names };
}

/** Adds a unique constraint over one or two key-type columns of `table`, none of them in `exclude`. */
export function addUnique(d: Draw, dialect: DialectName, table: TableSpec, rel: NameScope, options: NameOptions, exclude: string[] = []): boolean {
  const taken = takenKeys(table);
  const keyable = keyColumns(table).filter((c) => !exclude.includes(c.name));
  if (keyable.length === 0) return false;
  const columns = d.some(keyable, d.int(1, 2)).map((c) => c.name);
  if (taken.has(JSON.stringify(columns))) return false;
  const derived = uniqueName(table.name, columns);
  if (columns.length === 1 && d.bool() && rel.tryClaim(derived)) {
    table.columns.find((c) => c.name === columns[0])!.unique = true;
    return true;
  }
  const name = constraintName(d, rel, derived, options);
  const nullsNotDistinct = dialect === "postgresql" && d.bool();
  table.uniques.push({ ...(name === undefined ? {} : { name }), columns, ...(nullsNotDistinct ? { nullsNotDistinct } : {}) });
  return true;
}

export function addCheck(d: Draw, table: TableSpec, rel: NameScope, options: NameOptions): boolean {
  // One check per column: SQLite keeps no check names, so two equal checks would be one.
  const fits = table.columns.filter((c) => (isIntegerLike(c.type) || isTextLike(c.type)) && !table.checks.some((k) => k.column === c.name));
  if (fits.length === 0) return false;
  const column = d.pick(fits);
  const name = rel.fresh(drawName(d, options), MAX_IDENTIFIER_BYTES);
  table.checks.push({ name, column: column.name, rule: isTextLike(column.type) ? "nonEmpty" : "nonNegative" });
  return true;
}

export function addIndex(d: Draw, dialect: DialectName, table: TableSpec, rel: NameScope, options: NameOptions): boolean {
  const indexable = table.columns.filter((c) => isIndexable(c.type));
  if (indexable.length === 0) return false;
  const columns = d.some(indexable, d.int(1, 2));
  const pg = dialect === "postgresql";
  const parts = columns.map((c) => {
    const expression = pg && d.bool() ? (isTextLike(c.type) ? "lower" : isIntegerLike(c.type) ? "plusOne" : undefined) : undefined;
    // drizzle's `.desc()` is on pg columns only, not on SQL parts.
    const desc = pg && !expression && d.bool();
    return { column: c.name, ...(expression ? { expression } : {}), ...(desc ? { desc } : {}) } as IndexSpec["parts"][number];
  });
  const index: IndexSpec = { name: rel.fresh(drawName(d, options), MAX_IDENTIFIER_BYTES), parts };
  if (columns.every((c) => isKeyType(c.type)) && d.bool()) index.unique = true;
  const nullable = table.columns.filter((c) => !c.notNull);
  if (pg && nullable.length > 0 && d.bool()) index.whereNotNull = d.pick(nullable).name;
  table.indexes.push(index);
  return true;
}
