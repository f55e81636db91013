// Canonical spellings of types, defaults and expressions, as the catalog and drizzle write them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { emptySchema, type Column, type Schema } from "@driftwood/schema";
import { normalizeDefault, normalizeType, truncateName } from "../src/postgres-normalize.ts";
import { normalizeExpression } from "../src/postgres-expression.ts";
import { postgresDialect } from "../src/index.ts";

test("type aliases and spellings meet in one form", () => {
  const same: [string, string][] = [
    ["int4", "integer"],
    ["int", "integer"],
    ["INT8", "bigint"],
    ["character varying(20)", "varchar(20)"],
    ["timestamptz", "timestamp with time zone"],
    ["timestamp (3) with time zone", "timestamp(3) with time zone"],
    ["timestamp without time zone", "timestamp"],
    ["numeric(10, 2)", "numeric(10,2)"],
    ["decimal(10,2)", "numeric(10,2)"],
    ["character(1)", "char"],
    ["float8", "double precision"],
    ["bool", "boolean"],
  ];
  for (const [a, b] of same) assert.equal(normalizeType(a), normalizeType(b), `${a} = ${b}`);
  assert.notEqual(normalizeType("timestamp"), normalizeType("timestamptz"));
  assert.notEqual(normalizeType("varchar(20)"), normalizeType("varchar(21)"));
});

test("defaults: casts of literals, numbers, json, arrays, CURRENT_TIMESTAMP", () => {
  const text: Pick<Column, "type"> = { type: "text" };
  assert.equal(normalizeDefault("'x'::text", text), normalizeDefault("'x'", text));
  assert.equal(normalizeDefault("'user'::character varying", { type: "varchar(20)" }), "'user'");
  assert.equal(normalizeDefault("'-1'::integer", { type: "integer" }), normalizeDefault("-1", { type: "integer" }));
  assert.equal(normalizeDefault("'0.00'::numeric", { type: "numeric(10,2)" }), "0.00");
  assert.equal(normalizeDefault("CURRENT_TIMESTAMP", { type: "timestamp with time zone" }), "now()");
  assert.equal(normalizeDefault("'{}'::text[]", { type: "text", dimensions: 1 }), normalizeDefault("'{}'", { type: "text", dimensions: 1 }));
  assert.equal(
    normalizeDefault(`'{"a","b c"}'`, { type: "text", dimensions: 1 }),
    normalizeDefault(`'{a,"b c"}'::text[]`, { type: "text", dimensions: 1 }),
  );
  assert.equal(
    normalizeDefault(`'{"b":1,"a":2}'::jsonb`, { type: "jsonb" }),
    normalizeDefault(`'{"a": 2, "b": 1}'::jsonb`, { type: "jsonb" }),
  );
  assert.notEqual(
    normalizeDefault(`'{"b":1,"a":2}'::json`, { type: "json" }),
    normalizeDefault(`'{"a":2,"b":1}'::json`, { type: "json" }),
  );
  assert.notEqual(normalizeDefault("'x'", text), normalizeDefault("'y'", text));
});

test("expressions: own-table qualifiers, needless quotes and outer parentheses go", () => {
  const t = { schema: "app", name: "tasks" };
  assert.equal(normalizeExpression(`"app"."tasks"."price" > 0`, t), normalizeExpression("(price > 0)", t));
  assert.equal(normalizeExpression(`"tasks"."a" * 2`, { name: "tasks" }), "a * 2");
  assert.equal(normalizeExpression(`"Price" > 0 AND "order" > 1`), `"Price" > 0 AND "order" > 1`);
  assert.equal(normalizeExpression(`(a > 0) AND (b > 0)`), "(a > 0) AND (b > 0)");
  assert.equal(normalizeExpression(`name <> 'x'::text`), "name <> 'x'");
});

test("expressions: a quote inside a quoted identifier does not hide the outer parentheses", () => {
  assert.equal(normalizeExpression(`("o'clock id" >= 0)`), `"o'clock id" >= 0`);
  assert.equal(normalizeExpression(`(length("say ""hi""") > 0)`), `length("say ""hi""") > 0`);
  assert.equal(normalizeExpression(`("a" = ')') AND ("b" = '(')`), `(a = ')') AND (b = '(')`);
});

test("names longer than 63 bytes are cut the way PostgreSQL cuts them", () => {
  assert.equal(Buffer.byteLength(truncateName("é".repeat(40))), 62);
  assert.equal(truncateName("a".repeat(70)), "a".repeat(63));
});

test("a serial column read from the catalog becomes serial, its sequence hidden, identity options filled in", () => {
  const db: Schema = {
    ...emptySchema("postgresql"),
    tables: [
      {
        name: "t",
        columns: [
          { name: "id", type: "integer", notNull: true, default: "nextval('t_id_seq'::regclass)" },
          { name: "n", type: "bigint", notNull: true, identity: { always: true, sequenceName: "t_n_seq" } },
        ],
        primaryKey: { name: "t_pkey", columns: ["id"] },
        foreignKeys: [],
        uniques: [{ name: "t_n_key", columns: ["n"] }],
        checks: [],
        indexes: [],
      },
    ],
  };
  const [table] = postgresDialect.normalize(db).tables;
  assert.deepEqual(table.columns[0], { name: "id", type: "serial", notNull: true });
  assert.deepEqual(table.columns[1].identity, {
    always: true,
    increment: "1",
    minValue: "1",
    maxValue: "9223372036854775807",
    start: "1",
    cache: "1",
    cycle: false,
  });
  assert.deepEqual(table.primaryKey, { columns: ["id"] });
  assert.deepEqual(table.uniques, [{ columns: ["n"] }]);
});

test("expressions: casts PostgreSQL adds to a stored expression meet the SQL that had none", () => {
  const t = { name: "t", columns: [{ name: "v", type: "character varying(20)" }, { name: "n", type: "numeric(10,2)" }, { name: "i", type: "integer" }] };
  const same: [string, string][] = [
    ["v::text = ANY (ARRAY['x'::character varying, 'y'::character varying]::text[])", "v IN ('x', 'y')"],
    ["v::text <> ALL (ARRAY['x'::character varying]::text[])", "v NOT IN ('x')"],
    ["n > 0::numeric AND n <> (2)::numeric", "n > 0 AND n <> 2"],
    ["lower((v)::text) = v::text", "lower(v) = v"],
    ["i = ANY (ARRAY[1, 2])", "i IN (1, 2)"],
  ];
  for (const [stored, written] of same) assert.equal(normalizeExpression(stored, t), normalizeExpression(written, t), stored);
  assert.equal(normalizeExpression("i::text = 'x'", t), "i::text = 'x'");
  assert.equal(normalizeExpression("i > 0::numeric", t), "i > 0::numeric");
});

test("defaults: nextval of a named sequence, with or without the regclass cast", () => {
  assert.equal(normalizeDefault("nextval('billing.seq'::regclass)", { type: "integer" }), "nextval('billing.seq')");
});
