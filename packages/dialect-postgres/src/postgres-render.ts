// Op → SQL statements, one renderer per op kind.
import {
  type Column,
  type Enum,
  type ForeignKey,
  type Index,
  type OnTable,
  type Op,
  type OpKind,
  type OpOf,
  type PrimaryKey,
  type Schema,
  type SequenceOptions,
  type Statement,
  type Unique,
  type Check,
  type Identity,
} from "@driftwood/schema";
import { literal, qualified, qualifiedType, quote } from "./postgres-quote.ts";

type Renderer<K extends OpKind> = (op: OpOf<K>, before: Schema) => Statement[];

const SERIAL_BASE: Record<string, string> = { serial: "integer", bigserial: "bigint", smallserial: "smallint" };

const stmt = (...sql: string[]): Statement[] => sql.map((s) => ({ sql: s }));
const tableName = (op: OnTable) => qualified({ schema: op.schema, name: op.table });
const alterTable = (op: OnTable, action: string) => `ALTER TABLE ${tableName(op)} ${action}`;

/** A column's type as SQL: enums and other user types quoted, arrays with their brackets. */
function columnType(c: Column, before: Schema): string {
  const user = c.typeSchema !== undefined || before.enums.some((e) => e.schema === undefined && e.name === c.type);
  const base = user ? qualifiedType({ schema: c.typeSchema, name: c.type }) : c.type;
  return base + "[]".repeat(c.dimensions ?? 0);
}

function sequenceOptions(o: SequenceOptions): string {
  const parts: string[] = [];
  if (o.increment !== undefined) parts.push(`INCREMENT BY ${o.increment}`);
  if (o.minValue !== undefined) parts.push(`MINVALUE ${o.minValue}`);
  if (o.maxValue !== undefined) parts.push(`MAXVALUE ${o.maxValue}`);
  if (o.start !== undefined) parts.push(`START WITH ${o.start}`);
  if (o.cache !== undefined) parts.push(`CACHE ${o.cache}`);
  if (o.cycle !== undefined) parts.push(o.cycle ? "CYCLE" : "NO CYCLE");
  return parts.join(" ");
}

function identityClause(id: Identity): string {
  const options = [id.sequenceName !== undefined ? `SEQUENCE NAME ${quote(id.sequenceName)}` : "", sequenceOptions(id)]
    .filter(Boolean)
    .join(" ");
  return `GENERATED ${id.always ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY${options ? ` (${options})` : ""}`;
}

function columnDefinition(c: Column, before: Schema): string {
  let sql = `${quote(c.name)} ${columnType(c, before)}`;
  if (c.generated) sql += ` GENERATED ALWAYS AS (${c.generated.expression}) STORED`;
  if (c.identity) sql += ` ${identityClause(c.identity)}`;
  if (c.default !== undefined) sql += ` DEFAULT ${c.default}`;
  if (c.notNull) sql += " NOT NULL";
  return sql;
}

const named = (name: string | undefined) => (name === undefined ? "" : `CONSTRAINT ${quote(name)} `);
const columnList = (cols: string[]) => cols.map(quote).join(", ");

const primaryKeyClause = (pk: PrimaryKey) => `${named(pk.name)}PRIMARY KEY (${columnList(pk.columns)})`;
const uniqueClause = (u: Unique) =>
  `${named(u.name)}UNIQUE${u.nullsNotDistinct ? " NULLS NOT DISTINCT" : ""} (${columnList(u.columns)})`;
const checkClause = (c: Check) => `${named(c.name)}CHECK (${c.expression})`;
const foreignKeyClause = (fk: ForeignKey) =>
  `${named(fk.name)}FOREIGN KEY (${columnList(fk.columns)}) REFERENCES ${qualified(fk.references)} ` +
  `(${columnList(fk.references.columns)}) ON DELETE ${fk.onDelete.toUpperCase()} ON UPDATE ${fk.onUpdate.toUpperCase()}`;

/** The name PostgreSQL gives a constraint created without one. */
const defaultName = (op: OnTable, columns: string[], suffix: string) => `${op.table}_${columns.join("_")}_${suffix}`;
const dropConstraint = (op: OnTable, name: string) => stmt(alterTable(op, `DROP CONSTRAINT ${quote(name)}`));

function createIndex(op: OnTable & { index: Index }): Statement[] {
  const i = op.index;
  const columns = i.columns.map((c) => {
    let sql = c.expression ? `(${c.value})` : quote(c.value);
    if (c.opclass) sql += ` ${c.opclass}`;
    if (c.desc) sql += " DESC";
    if (c.nulls) sql += ` NULLS ${c.nulls.toUpperCase()}`;
    return sql;
  });
  const sql =
    `CREATE ${i.unique ? "UNIQUE " : ""}INDEX ${i.concurrently ? "CONCURRENTLY " : ""}${quote(i.name)} ` +
    `ON ${tableName(op)} USING ${i.method ?? "btree"} (${columns.join(", ")})` +
    (i.where !== undefined ? ` WHERE ${i.where}` : "");
  return [i.concurrently ? { sql, transactional: false } : { sql }];
}

function dropIndex(op: OnTable & { index: Index }): Statement[] {
  const sql = `DROP INDEX ${op.index.concurrently ? "CONCURRENTLY " : ""}${qualified({ schema: op.schema, name: op.index.name })}`;
  return [op.index.concurrently ? { sql, transactional: false } : { sql }];
}

/** Every column of `before` whose type is the enum `e`. */
function enumColumns(before: Schema, e: { schema?: string; name: string }) {
  return before.tables.flatMap((t) =>
    t.columns
      .filter((c) => c.type === e.name && c.typeSchema === e.schema)
      .map((c) => ({ table: { schema: t.schema, table: t.name }, column: c })),
  );
}

/** New values only, in order: `ADD VALUE`. Anything else (removal, reorder): rename, create, convert, drop. */
function alterEnum(op: OpOf<"alterEnum">, before: Schema): Statement[] {
  const type = qualifiedType(op);
  const kept = op.to.filter((v) => op.from.includes(v));
  if (kept.length === op.from.length && kept.every((v, i) => v === op.from[i])) {
    return op.to.flatMap((v, i) => {
      if (op.from.includes(v)) return [];
      const next = op.to.slice(i + 1).find((x) => op.from.includes(x));
      const place = next !== undefined ? ` BEFORE ${literal(next)}` : i > 0 ? ` AFTER ${literal(op.to[i - 1])}` : "";
      // A value added in a transaction cannot be used before it commits ("unsafe use of new value"),
      // and the same migration often sets it as a default: it runs on its own, and again harmlessly.
      return [{ sql: `ALTER TYPE ${type} ADD VALUE IF NOT EXISTS ${literal(v)}${place}`, transactional: false }];
    });
  }
  const old = `${op.name}_old`;
  const statements = stmt(
    `ALTER TYPE ${type} RENAME TO ${quote(old)}`,
    `CREATE TYPE ${type} AS ENUM (${op.to.map(literal).join(", ")})`,
  );
  for (const { table, column } of enumColumns(before, op)) {
    const c = quote(column.name);
    const target = columnType(column, before);
    const via = `text${"[]".repeat(column.dimensions ?? 0)}`;
    if (column.default !== undefined) statements.push(...stmt(alterTable(table, `ALTER COLUMN ${c} DROP DEFAULT`)));
    statements.push(...stmt(alterTable(table, `ALTER COLUMN ${c} TYPE ${target} USING ${c}::${via}::${target}`)));
    if (column.default !== undefined) statements.push(...stmt(alterTable(table, `ALTER COLUMN ${c} SET DEFAULT ${column.default}`)));
  }
  statements.push(...stmt(`DROP TYPE ${qualifiedType({ schema: op.schema, name: old })}`));
  return statements;
}

function alterColumn(op: OpOf<"alterColumn">, before: Schema): Statement[] {
  const { from, to } = op;
  const c = quote(to.name);
  const alter = (action: string) => alterTable(op, `ALTER COLUMN ${c} ${action}`);
  if (JSON.stringify(from.generated) !== JSON.stringify(to.generated)) {
    // Before PostgreSQL 17 an expression can be dropped but not added or changed in place.
    if (from.generated && !to.generated) {
      return [...stmt(alter("DROP EXPRESSION")), ...alterColumn({ ...op, from: { ...from, generated: undefined } }, before)];
    }
    return stmt(alterTable(op, `DROP COLUMN ${c}`), alterTable(op, `ADD COLUMN ${columnDefinition(to, before)}`));
  }
  const out: string[] = [];
  const table = { schema: op.schema, name: op.table };
  // A serial is its base type plus an owned sequence and a `nextval` default.
  const fromSerial = SERIAL_BASE[from.type] !== undefined;
  const toSerial = SERIAL_BASE[to.type] !== undefined;
  const base = (c: Column): Column => (SERIAL_BASE[c.type] ? { ...c, type: SERIAL_BASE[c.type] } : c);
  const sequence = qualified({ schema: op.schema, name: `${op.table}_${to.name}_seq` });
  if (fromSerial && !toSerial) out.push(alter("DROP DEFAULT"), `DROP SEQUENCE ${sequence}`);
  const typeChanged =
    base(from).type !== base(to).type || from.typeSchema !== to.typeSchema || (from.dimensions ?? 0) !== (to.dimensions ?? 0);
  const defaultChanged = from.default !== to.default;
  // PostgreSQL refuses to change the type of a column a generated column reads: drop and re-add those.
  const dependents = typeChanged ? generatedReaders(before, table, to.name) : [];
  for (const d of dependents) out.push(alterTable(op, `DROP COLUMN ${quote(d.name)}`));
  if (typeChanged) {
    if (from.default !== undefined) out.push(alter("DROP DEFAULT"));
    const type = columnType(base(to), before);
    out.push(alter(`TYPE ${type} USING ${c}::${type}`));
  }
  for (const d of dependents) out.push(alterTable(op, `ADD COLUMN ${columnDefinition(d, before)}`));
  if ((typeChanged && to.default !== undefined) || (!typeChanged && defaultChanged)) {
    out.push(alter(to.default === undefined ? "DROP DEFAULT" : `SET DEFAULT ${to.default}`));
  }
  if (toSerial && !fromSerial) {
    out.push(
      `CREATE SEQUENCE ${sequence} AS ${SERIAL_BASE[to.type]} OWNED BY ${qualified(table)}.${c}`,
      alter(`SET DEFAULT nextval(${literal(sequence)}::regclass)`),
    );
  }
  if (from.identity && !to.identity) out.push(alter("DROP IDENTITY"));
  if (from.notNull !== to.notNull) out.push(alter(to.notNull ? "SET NOT NULL" : "DROP NOT NULL"));
  if (!from.identity && to.identity) out.push(alter(`ADD ${identityClause(to.identity)}`));
  if (from.identity && to.identity) {
    if (from.identity.always !== to.identity.always) out.push(alter(`SET GENERATED ${to.identity.always ? "ALWAYS" : "BY DEFAULT"}`));
    const changed: SequenceOptions = {};
    for (const k of ["increment", "minValue", "maxValue", "start", "cache", "cycle"] as const) {
      if (from.identity[k] !== to.identity[k]) Object.assign(changed, { [k]: to.identity[k] });
    }
    const options = setOptions(changed);
    if (options) out.push(alter(options));
  }
  return stmt(...out);
}

/** The generated columns of `table` whose expression names `column`. */
function generatedReaders(before: Schema, table: { schema?: string; name: string }, column: string): Column[] {
  const t = before.tables.find((x) => x.name === table.name && x.schema === table.schema);
  const simple = /^[a-z_][a-z0-9_]*$/.test(column);
  const names = new RegExp(`${simple ? `\\b${column}\\b|` : ""}${escapeRegExp(quote(column))}`);
  return (t?.columns ?? []).filter((c) => c.generated && c.name !== column && names.test(c.generated.expression));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `SET INCREMENT BY 2 SET CACHE 5`: the identity form of sequence options. */
function setOptions(o: SequenceOptions): string {
  const parts: string[] = [];
  if (o.increment !== undefined) parts.push(`SET INCREMENT BY ${o.increment}`);
  if (o.minValue !== undefined) parts.push(`SET MINVALUE ${o.minValue}`);
  if (o.maxValue !== undefined) parts.push(`SET MAXVALUE ${o.maxValue}`);
  if (o.start !== undefined) parts.push(`SET START WITH ${o.start}`);
  if (o.cache !== undefined) parts.push(`SET CACHE ${o.cache}`);
  if (o.cycle !== undefined) parts.push(o.cycle ? "SET CYCLE" : "SET NO CYCLE");
  return parts.join(" ");
}

function createEnum(e: Enum): Statement[] {
  return stmt(`CREATE TYPE ${qualifiedType(e)} AS ENUM (${e.values.map(literal).join(", ")})`);
}

const renderers: { [K in OpKind]: Renderer<K> } = {
  createSchema: (op) => stmt(`CREATE SCHEMA ${quote(op.name)}`),
  dropSchema: (op) => stmt(`DROP SCHEMA ${quote(op.name)}`),
  createEnum: (op) => createEnum(op.enum),
  dropEnum: (op) => stmt(`DROP TYPE ${qualifiedType(op.enum)}`),
  alterEnum,
  createSequence: (op) => stmt(`CREATE SEQUENCE ${qualified(op.sequence)} ${sequenceOptions(op.sequence)}`.trimEnd()),
  dropSequence: (op) => stmt(`DROP SEQUENCE ${qualified(op.sequence)}`),
  alterSequence: (op) => {
    const options = sequenceOptions(op.to);
    return options ? stmt(`ALTER SEQUENCE ${qualified(op)} ${options}`) : [];
  },
  createTable: (op, before) => {
    const t = op.table;
    const parts = [
      ...t.columns.map((c) => columnDefinition(c, before)),
      ...(t.primaryKey ? [primaryKeyClause(t.primaryKey)] : []),
      ...t.uniques.map(uniqueClause),
      ...t.checks.map(checkClause),
      ...t.foreignKeys.map(foreignKeyClause),
    ];
    return stmt(`CREATE TABLE ${qualified(t)} (\n  ${parts.join(",\n  ")}\n)`);
  },
  dropTable: (op) => stmt(`DROP TABLE ${qualified(op.table)}`),
  renameTable: (op) => stmt(`ALTER TABLE ${qualified({ schema: op.schema, name: op.from })} RENAME TO ${quote(op.to)}`),
  addColumn: (op, before) => stmt(alterTable(op, `ADD COLUMN ${columnDefinition(op.column, before)}`)),
  dropColumn: (op) => stmt(alterTable(op, `DROP COLUMN ${quote(op.column.name)}`)),
  renameColumn: (op) => stmt(alterTable(op, `RENAME COLUMN ${quote(op.from)} TO ${quote(op.to)}`)),
  alterColumn,
  addPrimaryKey: (op) => stmt(alterTable(op, `ADD ${primaryKeyClause(op.primaryKey)}`)),
  dropPrimaryKey: (op) => dropConstraint(op, op.primaryKey.name ?? `${op.table}_pkey`),
  addForeignKey: (op) => stmt(alterTable(op, `ADD ${foreignKeyClause(op.foreignKey)}`)),
  dropForeignKey: (op) => dropConstraint(op, op.foreignKey.name ?? defaultName(op, op.foreignKey.columns, "fkey")),
  addUnique: (op) => stmt(alterTable(op, `ADD ${uniqueClause(op.unique)}`)),
  dropUnique: (op) => dropConstraint(op, op.unique.name ?? defaultName(op, op.unique.columns, "key")),
  addCheck: (op) => stmt(alterTable(op, `ADD ${checkClause(op.check)}`)),
  dropCheck: (op) => dropConstraint(op, op.check.name ?? `${op.table}_check`),
  createIndex: (op) => createIndex(op),
  dropIndex: (op) => dropIndex(op),
  execute: (op) => stmt(op.sql),
};

/** The statements for `op`, given the schema just before it. */
export function renderPostgres(op: Op, before: Schema): Statement[] {
  return (renderers[op.kind] as Renderer<OpKind>)(op as OpOf<OpKind>, before);
}
