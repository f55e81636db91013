import { test } from "node:test";
import assert from "node:assert/strict";
import { sqliteDialect } from "../src/index.ts";
import { scratch } from "./helpers.ts";

test("a hand-written database introspects in the canonical form", async () => {
  const conn = await sqliteDialect.connect(":memory:");
  try {
    await conn.execute(`
      CREATE TABLE Parent ("Key" INT PRIMARY KEY, code TEXT);
      CREATE TABLE child (
        id integer primary key autoincrement,
        parent_key int REFERENCES Parent ON DELETE SET NULL,
        label VARCHAR ( 20 ) NOT NULL DEFAULT ('none') UNIQUE,
        flag boolean DEFAULT TRUE,
        born integer DEFAULT (unixepoch()),
        n real check(n>=0),
        CONSTRAINT two UNIQUE (parent_key, n)
      );
      CREATE INDEX child_desc ON child (n DESC, lower(label)) WHERE child.n   > 1;`);
    const schema = sqliteDialect.normalize(await conn.introspect());
    const child = schema.tables.find((t) => t.name === "child")!;
    assert.deepEqual(child.columns, [
      { name: "id", type: "integer", notNull: true, autoincrement: true },
      { name: "parent_key", type: "int", notNull: false },
      { name: "label", type: "varchar(20)", notNull: true, default: "'none'" },
      { name: "flag", type: "boolean", notNull: false, default: "1" },
      { name: "born", type: "integer", notNull: false, default: "(unixepoch())" },
      { name: "n", type: "real", notNull: false },
    ]);
    assert.deepEqual(child.foreignKeys, [
      { columns: ["parent_key"], references: { name: "Parent", columns: ["Key"] }, onDelete: "set null", onUpdate: "no action" },
    ]);
    assert.deepEqual(child.checks, [{ expression: "n >= 0" }]);
    assert.deepEqual(child.uniques, []);
    assert.deepEqual(child.indexes, [
      { name: "child_desc", unique: false, columns: [{ value: "n", desc: true }, { value: "lower(label)", expression: true }], where: "n > 1" },
      { name: "child_label_unique", unique: true, columns: [{ value: "label" }] },
      { name: "child_parent_key_n_unique", unique: true, columns: [{ value: "parent_key" }, { value: "n" }] },
    ]);
    assert.deepEqual(schema.tables.find((t) => t.name === "Parent")?.primaryKey, { columns: ["Key"] });
  } finally {
    await conn.close();
  }
});

test("an inline UNIQUE of a hand-written table can be dropped", async () => {
  const s = await scratch();
  try {
    await s.conn.execute(`CREATE TABLE t (id integer PRIMARY KEY, a text UNIQUE, b text, UNIQUE (b, a)); INSERT INTO t VALUES (1, 'x', 'y')`);
    s.expected = await s.actual();
    for (const index of s.expected.tables[0].indexes) {
      await s.run({ kind: "dropIndex", table: "t", index });
      assert.deepEqual(await s.actual(), sqliteDialect.normalize(s.expected));
    }
    assert.deepEqual(s.expected.tables[0].indexes, []);
    assert.deepEqual(await s.conn.query("SELECT * FROM t"), [{ id: 1, a: "x", b: "y" }]);
  } finally {
    await s.done();
  }
});
