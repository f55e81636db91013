// The generators keep the invariants the round-trip properties rely on.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { DialectName } from "@driftwood/schema";
import {
  byteLength,
  derivedNames,
  findTable,
  MAX_IDENTIFIER_BYTES,
  propertyParameters,
  referenceableKeys,
  rowsFor,
  specArbitrary,
  specKey,
  specPairArbitrary,
  type ModelSpec,
} from "../src/index.ts";

const DIALECTS: DialectName[] = ["postgresql", "sqlite"];

function fold(spec: ModelSpec, name: string): string {
  return spec.dialect === "sqlite" ? name.toLowerCase() : name;
}

function assertValid(spec: ModelSpec): void {
  const tableKeys = spec.tables.map(specKey);
  assert.equal(new Set(tableKeys.map((k) => fold(spec, k))).size, tableKeys.length, "table names unique");
  const perSchema = new Map<string, string[]>();
  for (const t of spec.tables) {
    const names = [
      t.name,
      ...t.indexes.map((i) => i.name),
      ...[t.primaryKey?.name, ...t.uniques.map((u) => u.name), ...t.foreignKeys.map((f) => f.name)].filter((n) => n !== undefined),
      ...t.checks.map((c) => c.name),
      ...derivedNames(t),
    ];
    perSchema.set(t.schema ?? "", [...(perSchema.get(t.schema ?? "") ?? []), ...names]);
    const columns = t.columns.map((c) => fold(spec, c.name));
    assert.equal(new Set(columns).size, columns.length, `columns of ${t.name} unique`);
    for (const n of [...names, ...columns]) assert.ok(byteLength(n) <= MAX_IDENTIFIER_BYTES, `${n} fits`);
    for (const f of t.foreignKeys) {
      const target = spec.tables.findIndex((x) => x.name === f.table && x.schema === f.schema);
      assert.ok(target >= 0 && target < spec.tables.indexOf(t), `fk of ${t.name} points to an earlier table`);
      const keys = referenceableKeys(spec.tables[target]).map((k) => JSON.stringify(k));
      assert.ok(keys.includes(JSON.stringify(f.foreignColumns)), `fk of ${t.name} references a key`);
    }
    if (spec.dialect === "sqlite") {
      assert.ok(t.columns.every((c) => !c.identity) && t.schema === undefined && t.indexes.every((i) => !i.whereNotNull));
    }
  }
  for (const e of spec.enums) perSchema.get(e.schema ?? "")?.push(e.name);
  for (const [schema, names] of perSchema) {
    const folded = names.map((n) => fold(spec, n));
    assert.equal(new Set(folded).size, folded.length, `names in schema "${schema}" unique: ${folded.join(", ")}`);
  }
  if (spec.dialect === "sqlite") assert.deepEqual([spec.namespaces, spec.enums], [[], []]);
}

for (const dialect of DIALECTS) {
  test(`${dialect}: generated specs keep their invariants`, () => {
    const params = propertyParameters(200);
    console.log(`seed ${params.seed}, runs ${params.numRuns}`);
    fc.assert(fc.property(specArbitrary({ dialect }), assertValid), params);
  });

  test(`${dialect}: B differs from A, is valid, and never both adds and drops a table`, () => {
    const params = propertyParameters(200);
    console.log(`seed ${params.seed}, runs ${params.numRuns}`);
    fc.assert(
      fc.property(specPairArbitrary({ dialect }), ({ a, b }) => {
        assertValid(a);
        assertValid(b);
        assert.notDeepEqual(a, b);
        const added = b.tables.filter((t) => !findTable(a, t));
        const dropped = a.tables.filter((t) => !findTable(b, t));
        assert.ok(added.length === 0 || dropped.length === 0, "not both added and dropped tables");
      }),
      params,
    );
  });

  test(`${dialect}: rows for A hold no NULL where B says NOT NULL, and keys are distinct`, () => {
    const params = propertyParameters(200);
    console.log(`seed ${params.seed}, runs ${params.numRuns}`);
    fc.assert(
      fc.property(specPairArbitrary({ dialect }), ({ a, b }) => {
        for (const { table, rows } of rowsFor(a, 3, b)) {
          const later = findTable(b, table);
          for (const c of later?.columns ?? []) {
            if (c.notNull && table.columns.some((x) => x.name === c.name && !x.identity)) {
              assert.ok(rows.every((r) => r[c.name] !== null), `${table.name}.${c.name} not null`);
            }
          }
          for (const key of referenceableKeys(table)) {
            const values = rows.map((r) => JSON.stringify(key.map((k) => r[k])));
            if (key.every((k) => table.columns.find((c) => c.name === k)?.identity !== "always")) {
              assert.equal(new Set(values).size, rows.length, `${table.name} key ${key.join(",")} distinct`);
            }
          }
        }
      }),
      params,
    );
  });
}
