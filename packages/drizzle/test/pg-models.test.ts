// The pg-core loader: what it reads from drizzle objects, before any dialect normalization.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSchema,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  varchar,
} from "drizzle-orm/pg-core";
import { schemaFromModules } from "../src/index.ts";

const load = (exports: Record<string, unknown>) => schemaFromModules([{ file: "models.ts", exports }], "postgresql");

const app = pgSchema("app");
const status = app.enum("status", ["new", "done"]);
const hidden = pgEnum("hidden", ["x", "y"]);
const owners = pgTable("owners", {
  id: serial().primaryKey(),
  email: varchar({ length: 100 }).notNull().unique(),
});
const tasks = app.table(
  "tasks",
  {
    a: integer().notNull(),
    b: integer().notNull(),
    ownerId: integer().references(() => owners.id, { onDelete: "cascade" }),
    status: status().default("new").notNull(),
    kind: hidden().array(),
    tags: text().array().default([]),
    meta: jsonb().default({ a: 1 }),
    note: text().default("it's"),
    at: timestamp({ precision: 3, withTimezone: true }).default(sql`now()`),
    n: integer().generatedByDefaultAsIdentity({ startWith: 3 }),
    twice: integer().generatedAlwaysAs(sql`a * 2`),
  },
  (t) => [
    primaryKey({ columns: [t.a, t.b] }),
    unique().on(t.a, t.status).nullsNotDistinct(),
    check("a_positive", sql`${t.a} > 0`),
    index().on(t.b.desc().nullsLast(), t.note.op("text_pattern_ops")).where(sql`${t.a} > 1`),
    index("tasks_note_lower").using("hash", sql`lower(${t.note})`).concurrently(),
    foreignKey({ columns: [t.b], foreignColumns: [owners.id] }).onUpdate("set null"),
  ],
);
const counter = app.sequence("counter", { increment: 2 });

test("finds tables, enums (also those only used by columns), sequences and schemas", () => {
  const s = load({ owners, tasks, tasksAgain: tasks, status, counter, app, notDrizzle: { id: 1 } });
  assert.deepEqual(s.namespaces, ["app"]);
  assert.deepEqual(s.tables.map((t) => [t.schema, t.name]), [["app", "tasks"], [undefined, "owners"]]);
  assert.deepEqual(s.enums, [
    { schema: "app", name: "status", values: ["new", "done"] },
    { schema: undefined, name: "hidden", values: ["x", "y"] },
  ].sort((x, y) => (x.schema ? `${x.schema}.${x.name}` : x.name).localeCompare(y.schema ? `${y.schema}.${y.name}` : y.name)));
  assert.equal(s.sequences[0].name, "counter");
  assert.equal(s.sequences[0].increment, "2");
});

test("columns: types, enums with their schema, arrays, identity and generated", () => {
  const t = load({ tasks }).tables[0];
  const col = (name: string) => t.columns.find((c) => c.name === name)!;
  assert.deepEqual(
    t.columns.map((c) => c.name),
    ["a", "b", "ownerId", "status", "kind", "tags", "meta", "note", "at", "n", "twice"],
  );
  assert.equal(col("status").type, "status");
  assert.equal(col("status").typeSchema, "app");
  assert.equal(col("kind").type, "hidden");
  assert.equal(col("kind").dimensions, 1);
  assert.equal(col("at").type, "timestamp (3) with time zone");
  assert.equal(col("n").identity?.always, false);
  assert.equal(col("n").identity?.start, "3");
  assert.deepEqual(col("twice").generated, { expression: "a * 2", stored: true });
});

test("defaults are written as drizzle-kit writes them", () => {
  const t = load({ tasks }).tables[0];
  const def = (name: string) => t.columns.find((c) => c.name === name)!.default;
  assert.equal(def("status"), "'new'");
  assert.equal(def("tags"), "'{}'");
  assert.equal(def("meta"), `'{"a":1}'::jsonb`);
  assert.equal(def("note"), "'it''s'");
  assert.equal(def("at"), "now()");
  assert.equal(def("a"), undefined);
});

test("constraints and indexes carry drizzle's names and options", () => {
  const [owner, ...rest] = load({ owners, tasks }).tables.reverse();
  const t = rest[0];
  assert.deepEqual(owner.primaryKey, { columns: ["id"] });
  assert.deepEqual(owner.uniques, [{ name: "owners_email_unique", columns: ["email"] }]);
  assert.deepEqual(t.primaryKey, { name: "tasks_a_b_pk", columns: ["a", "b"] });
  assert.deepEqual(t.uniques, [{ name: "tasks_a_status_unique", columns: ["a", "status"], nullsNotDistinct: true }]);
  assert.deepEqual(t.checks, [{ name: "a_positive", expression: `"app"."tasks"."a" > 0` }]);
  const fks = Object.fromEntries(t.foreignKeys.map((f) => [f.name, f]));
  assert.deepEqual(fks["tasks_ownerId_owners_id_fk"], {
    name: "tasks_ownerId_owners_id_fk",
    columns: ["ownerId"],
    references: { schema: undefined, name: "owners", columns: ["id"] },
    onDelete: "cascade",
    onUpdate: "no action",
  });
  assert.equal(fks["tasks_b_owners_id_fk"].onUpdate, "set null");
  const [byColumns, byExpression] = t.indexes;
  assert.equal(byColumns.name, "tasks_b_note_index");
  assert.deepEqual(byColumns.columns, [
    { value: "b", desc: true, nulls: "last", opclass: undefined },
    { value: "note", desc: undefined, nulls: "last", opclass: "text_pattern_ops" },
  ]);
  assert.equal(byColumns.where, `"app"."tasks"."a" > 1`);
  assert.deepEqual(byExpression, {
    name: "tasks_note_lower",
    columns: [{ value: `lower("note")`, expression: true }],
    unique: false,
    method: "hash",
    where: undefined,
    concurrently: true,
  });
});
