import { test } from "node:test";
import assert from "node:assert/strict";
import { invert, type ForeignKey, type Op, type OpKind } from "@driftwood/schema";
import { sqliteDialect } from "../src/index.ts";
import { quote } from "../src/sqlite-sql.ts";
import { scratch } from "./helpers.ts";

interface Names {
  table: string;
  parent: string;
  a: string;
  b: string;
  c: string;
}

/**
 * A run that uses every op kind SQLite has, on tables and columns named `n`. Rows leave the
 * key column null: undoing `dropTable` brings the parent table back empty.
 */
function everyOp(n: Names): Op[] {
  const q = quote;
  const fk: ForeignKey = { columns: [n.b], references: { name: n.parent, columns: ["id"] }, onDelete: "cascade", onUpdate: "no action" };
  return [
    { kind: "createTable", table: { name: n.parent, columns: [{ name: "id", type: "integer", notNull: true }], primaryKey: { columns: ["id"] }, foreignKeys: [], uniques: [], checks: [], indexes: [] } },
    {
      kind: "createTable",
      table: {
        name: n.table,
        columns: [
          { name: "id", type: "integer", notNull: true, autoincrement: true },
          { name: n.a, type: "text", notNull: false, default: "'x'" },
          { name: n.b, type: "integer", notNull: false },
        ],
        primaryKey: { columns: ["id"] },
        foreignKeys: [],
        uniques: [{ name: `${n.table} unique`, columns: [n.a] }],
        checks: [{ expression: `${q(n.b)} >= 0` }],
        indexes: [],
      },
    },
    { kind: "execute", sql: `INSERT INTO ${q(n.parent)} (id) VALUES (1), (2)`, reverse: `DELETE FROM ${q(n.parent)}` },
    { kind: "execute", sql: `INSERT INTO ${q(n.table)} (${q(n.a)}, ${q(n.b)}) VALUES ('one', NULL), ('two', NULL)`, reverse: `DELETE FROM ${q(n.table)}` },
    { kind: "addColumn", table: n.table, column: { name: n.c, type: "text", notNull: false } },
    { kind: "addColumn", table: n.table, column: { name: "stamp", type: "integer", notNull: true, default: "(abs(-1))" } },
    { kind: "renameColumn", table: n.table, from: n.c, to: `${n.c} 2` },
    { kind: "dropColumn", table: n.table, column: { name: `${n.c} 2`, type: "text", notNull: false } },
    { kind: "createIndex", table: n.table, index: { name: `${n.table} idx`, unique: false, columns: [{ value: n.b, desc: true }, { value: `lower(${q(n.a)})`, expression: true }], where: `${q(n.b)} > 0` } },
    { kind: "addUnique", table: n.table, unique: { columns: [n.b, "stamp"] } },
    { kind: "addCheck", table: n.table, check: { expression: `length(${q(n.a)}) < 100` } },
    { kind: "addForeignKey", table: n.table, foreignKey: fk },
    { kind: "alterColumn", table: n.table, from: { name: n.a, type: "text", notNull: false, default: "'x'" }, to: { name: n.a, type: "varchar(50)", notNull: true, default: "'y'" } },
    { kind: "dropIndex", table: n.table, index: { name: `${n.table} idx`, unique: false, columns: [{ value: n.b, desc: true }, { value: `lower(${q(n.a)})`, expression: true }], where: `${q(n.b)} > 0` } },
    { kind: "dropForeignKey", table: n.table, foreignKey: fk },
    { kind: "dropCheck", table: n.table, check: { expression: `length(${q(n.a)}) < 100` } },
    { kind: "dropUnique", table: n.table, unique: { columns: [n.b, "stamp"] } },
    { kind: "dropColumn", table: n.table, column: { name: "stamp", type: "integer", notNull: true, default: "(abs(-1))" } },
    { kind: "dropPrimaryKey", table: n.table, primaryKey: { columns: ["id"] } },
    { kind: "addPrimaryKey", table: n.table, primaryKey: { columns: ["id", n.a] } },
    { kind: "renameTable", from: n.table, to: `${n.table} renamed` },
    { kind: "dropTable", table: { name: n.parent, columns: [{ name: "id", type: "integer", notNull: true }], primaryKey: { columns: ["id"] }, foreignKeys: [], uniques: [], checks: [], indexes: [] } },
  ];
}

async function runAndUndo(names: Names) {
  const s = await scratch();
  try {
    const ops = everyOp(names);
    for (const op of ops) {
      await s.run(op);
      assert.deepEqual(await s.actual(), sqliteDialect.normalize(s.expected), `after ${op.kind}`);
    }
    for (const op of ops.map(invert).reverse()) {
      await s.run(op);
      assert.deepEqual(await s.actual(), sqliteDialect.normalize(s.expected), `after ${op.kind} (undoing)`);
    }
    assert.deepEqual(s.expected.tables, []);
    return ops;
  } finally {
    await s.done();
  }
}

test("every op kind SQLite has renders, runs, and agrees with applyOp, forward and back", async () => {
  const ops = await runAndUndo({ table: "things", parent: "parents", a: "a", b: "b", c: "c" });
  const kinds = new Set<OpKind>(ops.flatMap((op) => [op.kind, invert(op).kind]));
  const unsupported: OpKind[] = ["createSchema", "dropSchema", "createEnum", "dropEnum", "alterEnum", "createSequence", "dropSequence", "alterSequence"];
  for (const kind of unsupported) kinds.add(kind);
  assert.equal(kinds.size, 26);
});

test("reserved words, quotes, spaces and unicode in names round-trip", async () => {
  await runAndUndo({ table: "select", parent: 'my "quoted" table', a: 'my "quoted" col', b: "with space", c: "ünïcödé" });
});

test("ops on schemas, enums and sequences fail with a clear error", () => {
  const before = { dialect: "sqlite" as const, namespaces: [], enums: [], sequences: [], tables: [] };
  assert.throws(() => sqliteDialect.render({ kind: "createSchema", name: "x" }, before), /SQLite has no schemas/);
  assert.throws(() => sqliteDialect.render({ kind: "createEnum", enum: { name: "e", values: ["a"] } }, before), /SQLite has no enums/);
  assert.throws(
    () => sqliteDialect.render({ kind: "dropSequence", sequence: { name: "s" } }, before),
    /SQLite has no sequences/,
  );
});

test("ALTER TABLE does what it can; the rest recreates the table", async () => {
  const s = await scratch();
  try {
    const t = everyOp({ table: "t", parent: "p", a: "a", b: "b", c: "c" });
    for (const op of t.slice(0, 2)) await s.run(op);
    const first = (op: Op) => sqliteDialect.render(op, s.expected)[0].sql;
    const column = (name: string, extra = {}) => ({ name, type: "text", notNull: false, ...extra });
    assert.match(first({ kind: "addColumn", table: "t", column: column("n") }), /^ALTER TABLE "t" ADD COLUMN "n" text$/);
    assert.match(first({ kind: "addColumn", table: "t", column: column("n", { notNull: true }) }), /^CREATE TABLE "__new_t"/);
    assert.match(first({ kind: "addColumn", table: "t", column: column("n", { default: "(random())" }) }), /^CREATE TABLE "__new_t"/);
    assert.match(first({ kind: "dropColumn", table: "t", column: column("a") }), /^CREATE TABLE "__new_t"/);
    await s.run({ kind: "addColumn", table: "t", column: column("n") });
    assert.match(first({ kind: "dropColumn", table: "t", column: column("n") }), /^ALTER TABLE "t" DROP COLUMN "n"$/);
  } finally {
    await s.done();
  }
});
