import { qualifiedKey, type ForeignKey, type Index, type OnTable, type Op, type OpKind, type Sequence, type Table } from "@driftwood/schema";
import { describeColumn } from "../describe.ts";

/** How the database stands against the models for one object. */
export type DifferenceKind =
  /** The models declare it; the database lacks it. */
  | "missing"
  /** The database has it; the models do not declare it. */
  | "extra"
  /** Both have it, with different definitions. */
  | "changed"
  /** The database has it under another name (`actual`). */
  | "renamed"
  /** Hand-written SQL in the diff (never produced by a comparison). */
  | "sql";

export type DifferenceObject =
  | "schema"
  | "enum"
  | "sequence"
  | "table"
  | "column"
  | "primaryKey"
  | "foreignKey"
  | "unique"
  | "check"
  | "index"
  | "sql";

/** One difference between the models and the database, as a reviewer reads it. */
export interface Difference {
  kind: DifferenceKind;
  object: DifferenceObject;
  /** The op that would fix it, as a migration file writes it (`op.addColumn`). */
  op: OpKind;
  /** The PostgreSQL schema; omitted for the default one. */
  schema?: string;
  /** The table it belongs to (a table difference names itself here). */
  table?: string;
  column?: string;
  /** The object's own name: a constraint, index, enum, sequence or schema; absent when unnamed. */
  name?: string;
  /** What the models say; null when they do not declare it. */
  expected: string | null;
  /** What the database has; null when it lacks it. */
  actual: string | null;
}

const list = (names: readonly string[]) => `(${names.join(", ")})`;

function tableText(t: Table): string {
  return `table (${t.columns.map((c) => `${c.name} ${describeColumn(c)}`).join(", ")})`;
}

function foreignKeyText(fk: ForeignKey): string {
  return `${list(fk.columns)} references ${qualifiedKey(fk.references)}${list(fk.references.columns)} on delete ${fk.onDelete} on update ${fk.onUpdate}`;
}

function indexText(i: Index): string {
  const columns = list(i.columns.map((c) => `${c.value}${c.desc ? " desc" : ""}`));
  return [i.unique ? "unique index" : "index", i.method && `using ${i.method}`, columns, i.where && `where ${i.where}`]
    .filter(Boolean)
    .join(" ");
}

function sequenceText({ schema: _schema, name: _name, ...options }: Sequence): string {
  return JSON.stringify(options);
}

/** A created object is missing from the database, a dropped one extra there. */
function presence(op: { kind: OpKind }, text: string): Pick<Difference, "kind" | "expected" | "actual"> {
  const adds = /^(create|add)/.test(op.kind);
  return adds ? { kind: "missing", expected: text, actual: null } : { kind: "extra", expected: null, actual: text };
}

const on = (op: OnTable): OnTable => ({ schema: op.schema, table: op.table });

/** The difference an op (from `compare(database, models)`) repairs. */
export function differenceOf(op: Op): Difference {
  switch (op.kind) {
    case "createSchema":
    case "dropSchema":
      return { ...presence(op, `schema ${op.name}`), object: "schema", op: op.kind, name: op.name };
    case "createEnum":
    case "dropEnum":
      return {
        ...presence(op, `enum ${list(op.enum.values)}`),
        object: "enum",
        op: op.kind,
        schema: op.enum.schema,
        name: op.enum.name,
      };
    case "alterEnum":
      return { kind: "changed", object: "enum", op: op.kind, schema: op.schema, name: op.name, expected: `enum ${list(op.to)}`, actual: `enum ${list(op.from)}` };
    case "createSequence":
    case "dropSequence":
      return {
        ...presence(op, `sequence ${sequenceText(op.sequence)}`),
        object: "sequence",
        op: op.kind,
        schema: op.sequence.schema,
        name: op.sequence.name,
      };
    case "alterSequence":
      return { kind: "changed", object: "sequence", op: op.kind, schema: op.schema, name: op.name, expected: `sequence ${JSON.stringify(op.to)}`, actual: `sequence ${JSON.stringify(op.from)}` };
    case "createTable":
    case "dropTable":
      return { ...presence(op, tableText(op.table)), object: "table", op: op.kind, schema: op.table.schema, table: op.table.name };
    case "renameTable":
      return { kind: "renamed", object: "table", op: op.kind, schema: op.schema, table: op.to, expected: op.to, actual: op.from };
    case "addColumn":
    case "dropColumn":
      return { ...presence(op, describeColumn(op.column)), object: "column", op: op.kind, ...on(op), column: op.column.name };
    case "renameColumn":
      return { kind: "renamed", object: "column", op: op.kind, ...on(op), column: op.to, expected: op.to, actual: op.from };
    case "alterColumn":
      return { kind: "changed", object: "column", op: op.kind, ...on(op), column: op.to.name, expected: describeColumn(op.to), actual: describeColumn(op.from) };
    case "addPrimaryKey":
    case "dropPrimaryKey":
      return { ...presence(op, `primary key ${list(op.primaryKey.columns)}`), object: "primaryKey", op: op.kind, ...on(op), name: op.primaryKey.name };
    case "addForeignKey":
    case "dropForeignKey":
      return { ...presence(op, `foreign key ${foreignKeyText(op.foreignKey)}`), object: "foreignKey", op: op.kind, ...on(op), name: op.foreignKey.name };
    case "addUnique":
    case "dropUnique":
      return { ...presence(op, `unique ${list(op.unique.columns)}`), object: "unique", op: op.kind, ...on(op), name: op.unique.name };
    case "addCheck":
    case "dropCheck":
      return { ...presence(op, `check (${op.check.expression})`), object: "check", op: op.kind, ...on(op), name: op.check.name };
    case "createIndex":
    case "dropIndex":
      return { ...presence(op, indexText(op.index)), object: "index", op: op.kind, ...on(op), name: op.index.name };
    case "execute":
      return { kind: "sql", object: "sql", op: op.kind, expected: op.sql, actual: null };
  }
}

const FIELD_ORDER = ["kind", "object", "op", "schema", "table", "column", "name", "expected", "actual"] as const;

/** The differences with their fields in one order and no undefined ones, so the JSON form reads well and compares exactly. */
export function differencesOf(ops: readonly Op[]): Difference[] {
  return ops.map((op) => {
    const d = differenceOf(op);
    return Object.fromEntries(FIELD_ORDER.filter((k) => d[k] !== undefined).map((k) => [k, d[k]])) as unknown as Difference;
  });
}
