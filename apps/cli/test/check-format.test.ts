// The check report, its text and GitHub forms, and the documented JSON Schema, on hand-made results.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkReport, declarationLine, formatCheckGithub, formatCheckText, type Check } from "@driftwood/core";
import type { Column, Op, Table } from "@driftwood/schema";
import { documentedJson, documentedSchema, validate } from "./check-schema.ts";

const col = (name: string, type: string, notNull = false, extra: Partial<Column> = {}): Column => ({ name, type, notNull, ...extra });
const table = (name: string, columns: Column[], schema?: string): Table => ({
  ...(schema ? { schema } : {}),
  name,
  columns,
  primaryKey: { columns: [columns[0]!.name] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
});

/** One op of every family, as `compare(database, models)` could return them. */
const OPS: Op[] = [
  { kind: "createSchema", name: "billing" },
  { kind: "createEnum", enum: { name: "mood", values: ["ok", "sad"] } },
  { kind: "alterEnum", name: "status", from: ["a", "b"], to: ["a"] },
  { kind: "createTable", table: table("invoices", [col("id", "integer", true)], "billing") },
  { kind: "dropTable", table: table("legacy", [col("id", "integer", true)]) },
  { kind: "addColumn", table: "deliveries", column: col("attempts", "integer", true) },
  { kind: "alterColumn", table: "deliveries", from: col("note", "varchar(20)"), to: col("note", "text", true, { default: "''" }) },
  { kind: "dropColumn", table: "deliveries", column: col("old", "text") },
  { kind: "renameColumn", table: "customers", from: "mail", to: "email" },
  { kind: "createIndex", table: "deliveries", index: { name: "d_idx", columns: [{ value: "attempts", desc: true }], unique: false } },
  {
    kind: "addForeignKey",
    table: "deliveries",
    foreignKey: { name: "d_fk", columns: ["sub"], references: { name: "subs", columns: ["id"] }, onDelete: "cascade", onUpdate: "no action" },
  },
  { kind: "addUnique", table: "customers", unique: { columns: ["email"] } },
  { kind: "dropCheck", table: "customers", check: { name: "c_chk", expression: "id > 0" } },
  { kind: "execute", sql: "SELECT 1" },
];

const result = (ops: Op[], extra: Partial<Check> = {}): Check => ({
  current: ["aaa"],
  heads: ["aaa"],
  pending: [],
  upToDate: true,
  edited: [],
  ops,
  mode: "shadow",
  target: "pglite://memory",
  missing: [],
  ...extra,
});

const SOURCES = new Map([
  ["deliveries", { file: "/repo/src/db/deliveries.ts", line: 12 }],
  ["customers", { file: "/repo/src/db/customers.ts" }],
]);

test("the report of every kind of difference conforms to the JSON Schema in docs/check-json.md", () => {
  const report = checkReport(result(OPS), { sources: SOURCES, cwd: "/repo" });
  assert.deepEqual(validate(report, documentedSchema()), []);
  assert.equal(report.status, "drift");
  assert.deepEqual(report.reasons, ["differs"]);
  assert.deepEqual(report.commands, ['driftwood migrate -m "MESSAGE"']);
  const byColumn = (c: string) => report.differences.find((d) => d.column === c);
  assert.deepEqual(byColumn("attempts"), {
    kind: "missing",
    object: "column",
    op: "addColumn",
    table: "deliveries",
    column: "attempts",
    expected: "integer not null",
    actual: null,
    file: "src/db/deliveries.ts",
    line: 12,
  });
  assert.deepEqual(
    [byColumn("note")!.kind, byColumn("note")!.expected, byColumn("note")!.actual],
    ["changed", "text not null default ''", "varchar(20) null"],
  );
  assert.deepEqual([byColumn("email")!.kind, byColumn("email")!.expected, byColumn("email")!.actual], ["renamed", "email", "mail"]);
  const invoices = report.differences.find((d) => d.table === "invoices")!;
  assert.deepEqual([invoices.schema, invoices.kind, invoices.file], ["billing", "missing", undefined]);
  assert.ok(report.hazards.some((h) => h.kind === "data-loss" && h.table === "legacy"), JSON.stringify(report.hazards));
  assert.ok(report.hazards.some((h) => h.kind === "not-null-without-default" && h.message.includes("deliveries.attempts")));
});

test("the validator catches what breaks the schema; the documented example passes it", () => {
  const schema = documentedSchema();
  assert.deepEqual(validate(documentedJson("Example"), schema), []);
  const good = checkReport(result([]));
  assert.deepEqual(validate(good, schema), []);
  assert.deepEqual(validate({ ...good, status: "ok" }, schema), ['$.status: "ok" is not one of ["clean","drift"]']);
  assert.deepEqual(validate({ ...good, extra: 1 }, schema), ["$: unexpected field extra"]);
  const { commands: _commands, ...partial } = good;
  assert.deepEqual(validate(partial, schema), ["$: missing commands"]);
  const badDifference = { ...good, differences: [{ kind: "missing", object: "column", op: "addColumn", expected: 3, actual: null, line: 0 }] };
  assert.deepEqual(validate(badDifference, schema), ["$.differences[0].expected: integer where string or null is expected", "$.differences[0].line: below 1"]);
});

test("a clean result and one behind head: status, reasons, commands, text", () => {
  const clean = checkReport(result([]));
  assert.deepEqual([clean.status, clean.reasons, clean.commands], ["clean", [], []]);
  assert.equal(formatCheckText(clean), "No differences: the migrations produce the models.");
  const aaa = { id: "aaa", message: "add attempts", file: "/repo/migrations/aaa.ts" } as Check["pending"][number];
  const behind = checkReport(
    result([OPS[5]!], {
      mode: "database",
      current: [],
      upToDate: false,
      pending: [aaa],
      missing: [{ table: "deliveries", column: "attempts", revision: aaa, applied: false, message: "" }],
    }),
    { cwd: "/repo" },
  );
  assert.deepEqual(validate(behind, documentedSchema()), []);
  assert.deepEqual(behind.differences[0]!.migration, { id: "aaa", file: "migrations/aaa.ts", applied: false });
  assert.deepEqual([behind.status, behind.reasons], ["drift", ["behind", "differs"]]);
  assert.deepEqual(behind.revision.pending, [{ id: "aaa", message: "add attempts", file: "migrations/aaa.ts" }]);
  assert.deepEqual(behind.commands, ["driftwood upgrade", "driftwood check"]);
  const text = formatCheckText(behind);
  assert.match(text, /^database is not up to date: it is at base, head is aaa; 1 migration\(s\) pending/);
  assert.match(
    text,
    /\ntable deliveries:\n  \+ column attempts: the models say integer not null; the database lacks it\n    migration aaa \(migrations\/aaa.ts\) adds it and is not applied yet\n/,
  );
  assert.match(text, /\nhazards of that change:\n  not-null-without-default: adds deliveries.attempts NOT NULL/);
  assert.match(text, /\nto fix: `driftwood upgrade`, then `driftwood check`$/);
});

test("--format github: an error per difference at the declaring file and line, file only when the line is unknown", () => {
  const report = checkReport(result(OPS), { sources: SOURCES, cwd: "/repo" });
  const lines = formatCheckGithub(report).split("\n");
  assert.ok(
    lines.includes(
      "::error file=src/db/deliveries.ts,line=12,title=driftwood check::table deliveries: column attempts: the models say integer not null; the migrations do not make it; run `driftwood migrate -m MESSAGE`",
    ),
    lines.join("\n"),
  );
  assert.ok(lines.some((l) => l.startsWith("::error file=src/db/customers.ts,title=driftwood check::table customers: column email:")));
  assert.ok(lines.some((l) => l.startsWith("::error title=driftwood check::table billing.invoices: table: the models say table (id integer not null)")));
  assert.ok(lines.some((l) => l.startsWith("::warning file=src/db/deliveries.ts,line=12,title=driftwood check::adds deliveries.attempts NOT NULL")));
  // The text form follows for the log.
  assert.ok(lines.includes("table deliveries (src/db/deliveries.ts:12):"));
  // Workflow-command escaping: a line break or comma cannot end the annotation early.
  const odd = checkReport(result([{ kind: "execute", sql: "SELECT 1;\nSELECT 2" }, OPS[5]!]), {
    sources: new Map([["deliveries", { file: "/repo/a,b:c.ts", line: 3 }]]),
    cwd: "/repo",
  });
  const github = formatCheckGithub(odd).split("\n");
  assert.ok(github.includes("::error title=driftwood check::sql: SELECT 1;%0ASELECT 2; run `driftwood migrate -m MESSAGE`"), github.join("\n"));
  assert.ok(github.some((l) => l.startsWith("::error file=a%2Cb%3Ac.ts,line=3,")));
});

test("declarationLine finds pgTable, sqliteTable and pgSchema(...).table declarations by the table's name", () => {
  const text = [
    'import { pgTable, pgSchema } from "drizzle-orm/pg-core";',
    'export const users = pgTable("users", {});',
    "const billing = pgSchema('billing');",
    "export const invoices = billing.table(",
    '  "invoices", {});',
    'export const notes = sqliteTable(`notes`, {});',
    'export const usersArchive = pgTable("users_archive", {});',
    'export const odd = pgTable("we\\"ird", {});',
  ].join("\n");
  assert.equal(declarationLine(text, "users"), 2);
  assert.equal(declarationLine(text, "invoices"), 4);
  assert.equal(declarationLine(text, "notes"), 6);
  assert.equal(declarationLine(text, "users_archive"), 7);
  assert.equal(declarationLine(text, 'we"ird'), 8);
  assert.equal(declarationLine(text, "missing"), undefined);
  assert.equal(declarationLine('export const t = pgTable(name, {}); // "users"', "users"), undefined);
});
