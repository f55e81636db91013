// Properties of the comparator over random pairs of schemas (PROPS_RUNS sets the run count).
import { test } from "node:test";
import fc from "fast-check";
import type { Column, Enum, ForeignKey, Schema, Table } from "@driftwood/schema";
import { col, diffChecked, postgresCapabilities, schema, sqliteCapabilities, table } from "./compare-assert.ts";

const TYPES = ["integer", "bigint", "text", "varchar(20)"];

const columnArb = (name: string): fc.Arbitrary<Column> =>
  fc.record({ type: fc.constantFrom(...TYPES), notNull: fc.boolean(), withDefault: fc.boolean() }).map(({ type, notNull, withDefault }) =>
    col(name, type, { notNull, ...(withDefault ? { default: type.includes("int") ? "0" : "''" } : {}) }),
  );

const tableArb = (name: string, others: string[]): fc.Arbitrary<Table> =>
  fc
    .record({
      columns: fc.subarray(["id", "x", "y", "z"], { minLength: 1 }).chain((names) => fc.tuple(...names.map(columnArb))),
      pk: fc.boolean(),
      pkName: fc.boolean(),
      unique: fc.boolean(),
      check: fc.constantFrom(undefined, "x > 0", "y <> ''"),
      indexUnique: fc.option(fc.boolean(), { nil: undefined }),
      fkTo: fc.option(fc.constantFrom(...others), { nil: undefined }),
      onDelete: fc.constantFrom("no action" as const, "cascade" as const),
    })
    .map((r) => {
      const first = r.columns[0].name;
      const last = r.columns[r.columns.length - 1].name;
      const fk: ForeignKey | undefined =
        r.fkTo === undefined
          ? undefined
          : { name: `${name}_fk`, columns: [last], references: { name: r.fkTo, columns: ["id"] }, onDelete: r.onDelete, onUpdate: "no action" };
      return table(name, r.columns, {
        ...(r.pk ? { primaryKey: r.pkName ? { name: `${name}_pkey`, columns: [first] } : { columns: [first] } } : {}),
        uniques: r.unique ? [{ name: `${name}_${last}_key`, columns: [last] }] : [],
        checks: r.check ? [{ name: `${name}_check`, expression: r.check }] : [],
        indexes: r.indexUnique === undefined ? [] : [{ name: `${name}_idx`, columns: [{ value: first }], unique: r.indexUnique }],
        foreignKeys: fk ? [fk] : [],
      });
    });

const TABLES = ["a", "b", "c", "users", "people"];

const schemaArb: fc.Arbitrary<Schema> = fc
  .record({
    tables: fc.subarray(TABLES).chain((names) => fc.tuple(...names.map((n) => tableArb(n, TABLES)))),
    mood: fc.option(fc.subarray(["sad", "ok", "happy"]), { nil: undefined }),
    audit: fc.boolean(),
  })
  .map(({ tables, mood, audit }) => {
    const enums: Enum[] = mood ? [{ name: "mood", values: mood }] : [];
    return schema(tables.map((t) => ({ ...t, foreignKeys: t.foreignKeys.filter(referencesIn(tables)) })), {
      enums,
      namespaces: audit ? ["audit"] : [],
    });
  });

/** A schema from a database has no foreign key to a column that does not exist. */
function referencesIn(tables: Table[]) {
  return (fk: ForeignKey) =>
    tables.some((t) => t.name === fk.references.name && fk.references.columns.every((c) => t.columns.some((x) => x.name === c)));
}

test("any diff applies to leave nothing to change, and its downgrade gives back the start", () => {
  const runs = process.env.PROPS_RUNS ? Number(process.env.PROPS_RUNS) : 200;
  fc.assert(
    fc.property(
      schemaArb,
      schemaArb,
      fc.constantFrom(postgresCapabilities, sqliteCapabilities),
      fc.constantFrom("infer" as const, "none" as const),
      (actual, desired, capabilities, renames) => {
        diffChecked(actual, desired, { capabilities, renames });
      },
    ),
    { numRuns: runs },
  );
});
