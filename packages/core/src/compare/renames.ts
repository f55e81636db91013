import { applyOp, qualifiedKey, sortSchema, type Column, type Op, type Schema, type Table } from "@driftwood/schema";
import { matchBy, onTable, shapeKey } from "./match.ts";

/**
 * Objects that disappear while more than one object of the same shape appears (or the other way
 * round): any pairing could be meant, so none is guessed and they are dropped and added instead.
 */
export interface RenameAmbiguity {
  kind: "table" | "column";
  /** The schema of the tables, when it is not the default one. */
  schema?: string;
  /** For columns: the table that holds them. */
  table?: string;
  /** Names that disappear. */
  from: string[];
  /** Names that appear, each of the same shape as every name in `from`. */
  to: string[];
  /** Every possible pairing, written as an explicit rename (`users.name=users.full_name`). */
  candidates: string[];
}

/** An explicit rename that names nothing it can rename; the message is fit to show as is. */
export class RenameError extends Error {}

/** What could be a rename: `column users.name or users.nick may have been renamed to users.full_name`. */
export function ambiguityQuestion(a: RenameAmbiguity): string {
  const prefix = [a.schema, a.table].filter((p) => p !== undefined).join(".");
  const full = (n: string) => (prefix ? `${prefix}.${n}` : n);
  return `${a.kind} ${a.from.map(full).join(" or ")} may have been renamed to ${a.to.map(full).join(" or ")}`;
}

/** One line for a user: what could be a rename, every pairing as its flag, and the flag to drop and add instead. */
export function formatAmbiguity(a: RenameAmbiguity): string {
  return `${ambiguityQuestion(a)}: pass ${a.candidates.map((c) => `--rename ${c}`).join(" or ")} to rename, or --no-rename to drop and add`;
}

export interface RenamePlan {
  /** `actual` with every rename applied, to be compared with the desired schema. */
  renamed: Schema;
  ops: Op[];
  ambiguous: RenameAmbiguity[];
}

/**
 * Renames, tables first so that column renames find their tables under the new names: the
 * explicit ones, then (unless `infer` is false) the inferred ones.
 */
export function planRenames(actual: Schema, desired: Schema, explicit: readonly string[], infer: boolean): RenamePlan {
  const specs = explicit.map((text) => parseRename(text, actual));
  const plan: RenamePlan = { renamed: actual, ops: [], ambiguous: [] };
  const apply = (ops: RenameOp[]) => {
    if (ops.length === 0) return;
    plan.renamed = applyRenames(plan.renamed, ops);
    plan.ops.push(...ops);
  };
  apply(specs.filter((s) => s.kind === "renameTable").map((s) => checkTarget(s, desired)));
  if (infer) apply(inferTableRenames(plan, desired));
  const newNames = new Map<string, string>();
  for (const op of plan.ops) {
    if (op.kind === "renameTable") newNames.set(qualifiedKey({ schema: op.schema, name: op.from }), op.to);
  }
  apply(
    specs
      .filter((s) => s.kind === "renameColumn")
      .map((s) => checkTarget({ ...s, table: newNames.get(qualifiedKey({ schema: s.schema, name: s.table })) ?? s.table }, desired)),
  );
  if (infer) apply(inferColumnRenames(plan, desired));
  return plan;
}

type RenameOp = Extract<Op, { kind: "renameTable" | "renameColumn" }>;

/**
 * `applyOps`, each op given only its table and the tables whose foreign keys point at it:
 * `applyOp` copies the whole schema, which many renames in a large schema would repeat.
 */
function applyRenames(schema: Schema, ops: RenameOp[]): Schema {
  const tables = new Map(schema.tables.map((t) => [qualifiedKey(t), t]));
  for (const op of ops) {
    const target = qualifiedKey({ schema: op.schema, name: op.kind === "renameTable" ? op.from : op.table });
    const involved = [...tables].filter(
      ([key, t]) => key === target || t.foreignKeys.some((fk) => qualifiedKey(fk.references) === target),
    );
    for (const [key] of involved) tables.delete(key);
    for (const t of applyOp({ ...schema, tables: involved.map(([, t]) => t) }, op).tables) tables.set(qualifiedKey(t), t);
  }
  return sortSchema({ ...schema, tables: [...tables.values()] });
}

/** `users=people`, `auth.users=auth.people`, `users.name=users.full_name`, `auth.users.name=auth.users.full_name`. */
function parseRename(text: string, actual: Schema): RenameOp {
  const fail = (why: string) => new RenameError(`rename "${text}": ${why}`);
  const sides = text.split("=");
  if (sides.length !== 2 || sides.some((s) => s === "" || s.split(".").includes(""))) {
    throw fail("expected old=new, as users=people or users.name=users.full_name");
  }
  const [from, to] = sides.map((s) => s.split("."));
  const toName = to[to.length - 1];
  const tables = new Map(actual.tables.map((t) => [qualifiedKey(t), t]));
  const table = (schema: string | undefined, name: string) => tables.get(qualifiedKey({ schema, name }));
  const asTable = from.length <= 2 ? table(from.length === 2 ? from[0] : undefined, from[from.length - 1]) : undefined;
  if (asTable) {
    if (to.length > 2 || (to.length === 2 && to[0] !== asTable.schema)) throw fail("a table keeps its schema when renamed");
    return withSchema({ kind: "renameTable", from: asTable.name, to: toName }, asTable.schema);
  }
  const owner = from.length === 2 ? table(undefined, from[0]) : from.length === 3 ? table(from[0], from[1]) : undefined;
  const column = from[from.length - 1];
  if (!owner || !owner.columns.some((c) => c.name === column)) {
    throw fail(`the database has no table or column ${sides[0]}; check the name`);
  }
  return { kind: "renameColumn", ...onTable(owner), from: column, to: toName };
}

/** The rename op, after checking that its new name exists in the desired schema. */
function checkTarget(op: RenameOp, desired: Schema): RenameOp {
  const target = desired.tables.find((t) =>
    qualifiedKey(t) === qualifiedKey({ schema: op.schema, name: op.kind === "renameTable" ? op.to : op.table }),
  );
  const found = op.kind === "renameTable" ? target : target?.columns.find((c) => c.name === op.to);
  if (!found) {
    const where = op.kind === "renameTable" ? op.to : `${op.table}.${op.to}`;
    throw new RenameError(`rename to ${op.schema ? `${op.schema}.` : ""}${where}: the models have no such ${op.kind === "renameTable" ? "table" : "column"}; check the name`);
  }
  return op;
}

function inferTableRenames(plan: RenamePlan, desired: Schema): RenameOp[] {
  const { added, removed } = matchBy(plan.renamed.tables, desired.tables, qualifiedKey);
  const shape = (t: Table) => `${t.schema ?? ""}\0${shapeKey(t.columns)}`;
  const { pairs, ambiguous } = pairByShape(removed, added, shape);
  for (const group of ambiguous) {
    const schema = group.from[0].schema;
    plan.ambiguous.push(ambiguity("table", schema, undefined, group.from, group.to));
  }
  return pairs.map(([from, to]) => withSchema({ kind: "renameTable", from: from.name, to: to.name, inferred: true }, from.schema));
}

function inferColumnRenames(plan: RenamePlan, desired: Schema): RenameOp[] {
  const { kept } = matchBy(plan.renamed.tables, desired.tables, qualifiedKey);
  return kept.flatMap(({ from: before, to: after }) => {
    const { added, removed } = matchBy(before.columns, after.columns, (c) => c.name);
    if (added.length === 0 || removed.length === 0) return [];
    const { pairs, ambiguous } = pairByShape(removed, added, columnShape);
    for (const group of ambiguous) plan.ambiguous.push(ambiguity("column", before.schema, before.name, group.from, group.to));
    return pairs.map(([from, to]): RenameOp => ({ kind: "renameColumn", ...onTable(before), from: from.name, to: to.name, inferred: true }));
  });
}

/** What a column holds, whatever its name. */
function columnShape(c: Column): string {
  const { name: _name, ...shape } = c;
  return shapeKey(shape);
}

/** Groups removed and added items by shape: a group of exactly one of each is a rename; a larger one is ambiguous. */
function pairByShape<T>(removed: T[], added: T[], shape: (item: T) => string) {
  const groups = new Map<string, { from: T[]; to: T[] }>();
  const group = (item: T) => {
    const key = shape(item);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { from: [], to: [] }));
    return g;
  };
  for (const item of removed) group(item).from.push(item);
  for (const item of added) group(item).to.push(item);
  const pairs: [T, T][] = [];
  const ambiguous: { from: T[]; to: T[] }[] = [];
  for (const g of groups.values()) {
    if (g.from.length === 1 && g.to.length === 1) pairs.push([g.from[0], g.to[0]]);
    else if (g.from.length > 0 && g.to.length > 0) ambiguous.push(g);
  }
  return { pairs, ambiguous };
}

function ambiguity(
  kind: RenameAmbiguity["kind"],
  schema: string | undefined,
  table: string | undefined,
  from: { name: string }[],
  to: { name: string }[],
): RenameAmbiguity {
  const prefix = [schema, table].filter((p) => p !== undefined).map((p) => `${p}.`).join("");
  const a: RenameAmbiguity = {
    kind,
    from: from.map((x) => x.name),
    to: to.map((x) => x.name),
    candidates: from.flatMap((f) => to.map((t) => `${prefix}${f.name}=${prefix}${t.name}`)),
  };
  if (schema !== undefined) a.schema = schema;
  if (table !== undefined) a.table = table;
  return a;
}

function withSchema<T extends object>(op: T, schema: string | undefined): T & { schema?: string } {
  return schema === undefined ? op : { schema, ...op };
}
