import type { Column, Schema, Table } from "./model.ts";
import type { Op } from "./ops.ts";
import { qualifiedKey, sameName } from "./names.ts";
import { sortSchema, sortTable } from "./canonical.ts";

/** Schemas made by `applyOp`: already in canonical order, so the next op re-sorts only what it changed. */
const canonical = new WeakSet<Schema>();

/**
 * The schema after `op`: a pure function, used to know a table's full shape before an op
 * (SQLite's table recreate needs it) and, offline, to follow a chain of migrations.
 * Raw SQL (`execute`) leaves the model unchanged: only a database knows what it did.
 * Copy on write: the result shares the objects the op leaves unchanged with `schema` (so a chain
 * of ops over many tables is linear, not quadratic); treat both as read-only.
 */
export function applyOp(schema: Schema, op: Op): Schema {
  const s: Schema = {
    ...schema,
    namespaces: [...schema.namespaces],
    enums: [...schema.enums],
    sequences: [...schema.sequences],
    tables: [...schema.tables],
  };
  /** Tables this op changes: copies of the originals, in `s.tables`. */
  const changed = new Set<Table>();
  const editable = (i: number): Table => {
    if (!changed.has(s.tables[i]!)) {
      s.tables[i] = structuredClone(s.tables[i]!);
      changed.add(s.tables[i]!);
    }
    return s.tables[i]!;
  };
  const table = (q: { schema?: string; table: string }): Table => {
    const i = s.tables.findIndex((x) => sameName(x, { schema: q.schema, name: q.table }));
    if (i < 0) throw new Error(`${op.kind}: no table ${q.schema ? `${q.schema}.` : ""}${q.table}`);
    return editable(i);
  };
  /** The tables with a foreign key that `refersTo` accepts, made editable. */
  const referencing = (refersTo: (fk: Table["foreignKeys"][number]) => boolean): Table[] =>
    s.tables.flatMap((t, i) => (t.foreignKeys.some(refersTo) ? [editable(i)] : []));
  const column = (t: Table, name: string): Column => {
    const c = t.columns.find((x) => x.name === name);
    if (!c) throw new Error(`${op.kind}: no column ${t.name}.${name}`);
    return c;
  };
  switch (op.kind) {
    case "createSchema":
      s.namespaces.push(op.name);
      break;
    case "dropSchema":
      s.namespaces = s.namespaces.filter((n) => n !== op.name);
      break;
    case "createEnum":
      s.enums.push(structuredClone(op.enum));
      break;
    case "dropEnum":
      s.enums = s.enums.filter((e) => !sameName(e, op.enum));
      break;
    case "alterEnum": {
      const i = s.enums.findIndex((x) => sameName(x, op));
      if (i >= 0) s.enums[i] = { ...s.enums[i]!, values: [...op.to] };
      break;
    }
    case "createSequence":
      s.sequences.push(structuredClone(op.sequence));
      break;
    case "dropSequence":
      s.sequences = s.sequences.filter((q) => !sameName(q, op.sequence));
      break;
    case "alterSequence": {
      const i = s.sequences.findIndex((x) => sameName(x, op));
      if (i >= 0) s.sequences[i] = Object.assign(structuredClone(s.sequences[i]!), op.to);
      break;
    }
    case "createTable":
      s.tables.push(structuredClone(op.table));
      changed.add(s.tables.at(-1)!);
      break;
    case "dropTable":
      s.tables = s.tables.filter((t) => !sameName(t, op.table));
      break;
    case "renameTable": {
      const t = table({ schema: op.schema, table: op.from });
      t.name = op.to;
      const from = { schema: op.schema, name: op.from };
      for (const other of referencing((fk) => sameName(fk.references, from))) {
        for (const fk of other.foreignKeys) {
          if (sameName(fk.references, from)) fk.references.name = op.to;
        }
      }
      break;
    }
    case "addColumn":
      table(op).columns.push(structuredClone(op.column));
      break;
    case "dropColumn": {
      const t = table(op);
      t.columns = t.columns.filter((c) => c.name !== op.column.name);
      break;
    }
    case "renameColumn": {
      const t = table(op);
      column(t, op.from).name = op.to;
      const rename = (n: string) => (n === op.from ? op.to : n);
      if (t.primaryKey) t.primaryKey.columns = t.primaryKey.columns.map(rename);
      for (const fk of t.foreignKeys) fk.columns = fk.columns.map(rename);
      for (const u of t.uniques) u.columns = u.columns.map(rename);
      for (const i of t.indexes) {
        for (const c of i.columns) if (!c.expression) c.value = rename(c.value);
      }
      for (const other of referencing((fk) => sameName(fk.references, t))) {
        for (const fk of other.foreignKeys) {
          if (sameName(fk.references, t)) fk.references.columns = fk.references.columns.map(rename);
        }
      }
      break;
    }
    case "alterColumn": {
      const t = table(op);
      t.columns = t.columns.map((c) => (c.name === op.from.name ? structuredClone(op.to) : c));
      break;
    }
    case "addPrimaryKey":
      table(op).primaryKey = structuredClone(op.primaryKey);
      break;
    case "dropPrimaryKey":
      delete table(op).primaryKey;
      break;
    case "addForeignKey":
      table(op).foreignKeys.push(structuredClone(op.foreignKey));
      break;
    case "dropForeignKey": {
      const t = table(op);
      const key = JSON.stringify(op.foreignKey);
      t.foreignKeys = t.foreignKeys.filter((f) =>
        op.foreignKey.name !== undefined ? f.name !== op.foreignKey.name : JSON.stringify(f) !== key,
      );
      break;
    }
    case "addUnique":
      table(op).uniques.push(structuredClone(op.unique));
      break;
    case "dropUnique": {
      const t = table(op);
      const key = JSON.stringify(op.unique);
      t.uniques = t.uniques.filter((u) =>
        op.unique.name !== undefined ? u.name !== op.unique.name : JSON.stringify(u) !== key,
      );
      break;
    }
    case "addCheck":
      table(op).checks.push(structuredClone(op.check));
      break;
    case "dropCheck": {
      const t = table(op);
      const key = JSON.stringify(op.check);
      t.checks = t.checks.filter((c) =>
        op.check.name !== undefined ? c.name !== op.check.name : JSON.stringify(c) !== key,
      );
      break;
    }
    case "createIndex":
      table(op).indexes.push(structuredClone(op.index));
      break;
    case "dropIndex": {
      const t = table(op);
      t.indexes = t.indexes.filter((i) => i.name !== op.index.name);
      break;
    }
    case "execute":
      break;
  }
  const result = canonical.has(schema) ? sortChanged(s, changed) : sortSchema(s);
  canonical.add(result);
  return result;
}

/** `sortSchema(s)` for a schema whose tables are canonical except `changed`. */
function sortChanged(s: Schema, changed: ReadonlySet<Table>): Schema {
  const key = (t: Table) => qualifiedKey(t);
  const tables = s.tables.map((t) => (changed.has(t) ? sortTable(t) : t));
  return {
    ...sortSchema({ ...s, tables: [] }),
    tables: tables.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
  };
}

export function applyOps(schema: Schema, ops: readonly Op[]): Schema {
  return ops.reduce(applyOp, schema);
}
