import { test } from "node:test";
import assert from "node:assert/strict";
import { emptySchema, type QualifiedName, type Table } from "@driftwood/schema";
import { resolveConfig, type DriftwoodConfig } from "../src/config.ts";
import { filterSchema, type IncludeObject } from "../src/table-filter.ts";

const filterOf = (config: Partial<DriftwoodConfig>, dialect: DriftwoodConfig["dialect"] = "postgresql") =>
  resolveConfig({ dialect, schema: "s.ts", ...config }, { root: "/app" }).filter;

const names = (keep: (t: QualifiedName) => boolean, tables: QualifiedName[]) =>
  tables.filter((t) => keep(t)).map((t) => (t.schema ? `${t.schema}.${t.name}` : t.name));

const ALL: QualifiedName[] = [
  { name: "users" },
  { name: "apscheduler_jobs" },
  { name: "apscheduler_job_runs" },
  { name: "spatial_ref_sys" },
  { name: "spatial_ref_sys", schema: "gis" },
  { name: "log", schema: "audit" },
  { name: "entries", schema: "audit" },
  { name: "invoices", schema: "billing" },
];

test("ignore: a plain glob matches the name in any schema, a dotted one the qualified name", () => {
  const keep = filterOf({ ignore: ["apscheduler_*", "public.spatial_ref_sys", "audit.*"] });
  assert.deepEqual(names(keep, ALL), ["users", "gis.spatial_ref_sys", "billing.invoices"]);
  // The default schema has no name in the model: `public.` matches it, `main.` on SQLite.
  assert.deepEqual(names(filterOf({ ignore: ["main.users"] }, "sqlite"), [{ name: "users" }, { name: "posts" }]), ["posts"]);
});

test("tablesFilter keeps only matches, `!` excludes; one string works as a list", () => {
  assert.deepEqual(names(filterOf({ tablesFilter: ["!apscheduler_*"] }), ALL.slice(0, 4)), ["users", "spatial_ref_sys"]);
  assert.deepEqual(names(filterOf({ tablesFilter: "user*" }), ALL), ["users"]);
  assert.deepEqual(names(filterOf({ tablesFilter: ["*", "!spatial_*"] }), ALL), [
    "users",
    "apscheduler_jobs",
    "apscheduler_job_runs",
    "audit.log",
    "audit.entries",
    "billing.invoices",
  ]);
});

test("schemaFilter keeps the listed PostgreSQL schemas, public included by name", () => {
  assert.deepEqual(names(filterOf({ schemaFilter: ["billing"] }), ALL), ["billing.invoices"]);
  assert.deepEqual(names(filterOf({ schemaFilter: "public" }), ALL.slice(0, 5)), [
    "users",
    "apscheduler_jobs",
    "apscheduler_job_runs",
    "spatial_ref_sys",
  ]);
});

test("include hook: asked with kind, name, schema and where the table comes from", () => {
  const asked: IncludeObject[] = [];
  const keep = filterOf({
    include: (o) => {
      asked.push(o);
      return !(o.from === "database" && o.name === "legacy");
    },
  });
  assert.equal(keep({ name: "legacy" }, "database"), false);
  assert.equal(keep({ name: "legacy" }, "models"), true);
  assert.equal(keep({ name: "legacy" }), false, "the database is the default origin");
  assert.equal(keep({ name: "invoices", schema: "billing" }, "models"), true);
  assert.deepEqual(asked, [
    { kind: "table", name: "legacy", schema: undefined, from: "database" },
    { kind: "table", name: "legacy", schema: undefined, from: "models" },
    { kind: "table", name: "legacy", schema: undefined, from: "database" },
    { kind: "table", name: "invoices", schema: "billing", from: "models" },
  ]);
});

test("the version tables are always left out, whatever the filters and hook say", () => {
  const keep = filterOf({ versionTable: "revs", tablesFilter: ["*"], include: () => true });
  assert.deepEqual(names(keep, [{ name: "revs" }, { name: "revs_applied" }, { name: "driftwood_version" }]), ["driftwood_version"]);
  const byDefault = filterOf({});
  assert.deepEqual(names(byDefault, [{ name: "driftwood_version" }, { name: "driftwood_version_applied" }]), []);
  // Only in the default schema: a table of that name elsewhere is the user's.
  assert.deepEqual(names(byDefault, [{ name: "driftwood_version", schema: "billing" }]), ["billing.driftwood_version"]);
});

const table = (name: string, references?: string): Table => ({
  name,
  columns: [{ name: "id", type: "integer", notNull: true }],
  primaryKey: { columns: ["id"] },
  foreignKeys: references
    ? [{ columns: ["id"], references: { name: references, columns: ["id"] }, onDelete: "cascade", onUpdate: "no action" }]
    : [],
  uniques: [],
  checks: [],
  indexes: [{ name: `${name}_id_idx`, columns: [{ value: "id", expression: false }], unique: false }],
});

test("filterSchema: an ignored table goes with its indexes and the foreign keys pointing at it; the origin reaches the hook", () => {
  const schema = { ...emptySchema("postgresql"), tables: [table("apscheduler_jobs"), table("runs", "apscheduler_jobs"), table("users")] };
  const keep = filterOf({ ignore: ["apscheduler_*"], include: (o) => o.from === "models" || o.name !== "users" });
  const fromDb = filterSchema(schema, keep, "database");
  assert.deepEqual(fromDb.tables.map((t) => t.name), ["runs"]);
  assert.deepEqual(fromDb.tables[0]!.foreignKeys, []);
  assert.deepEqual(fromDb.tables[0]!.indexes.map((i) => i.name), ["runs_id_idx"]);
  const fromModels = filterSchema(schema, keep, "models");
  assert.deepEqual(fromModels.tables.map((t) => t.name), ["runs", "users"]);
  assert.ok(!JSON.stringify(fromModels).includes("apscheduler"));
});

test("filterSchema: an enum only ignored tables use is left out with them; one a kept table uses stays", () => {
  const withType = (t: Table, type: string, typeSchema?: string): Table => ({
    ...t,
    columns: [...t.columns, { name: "state", type, notNull: false, ...(typeSchema ? { typeSchema } : {}) }],
  });
  const schema = {
    ...emptySchema("postgresql"),
    enums: [
      { name: "job_state", values: ["a"] },
      { name: "mood", values: ["ok"] },
      { name: "job_state", schema: "audit", values: ["b"] },
      { name: "unused", values: ["x"] },
    ],
    tables: [withType(table("apscheduler_jobs"), "job_state"), withType(table("users"), "mood"), withType(table("apscheduler_runs"), "mood")],
  };
  const keep = filterOf({ ignore: ["apscheduler_*"] });
  assert.deepEqual(
    filterSchema(schema, keep).enums.map((e) => (e.schema ? `${e.schema}.${e.name}` : e.name)),
    ["mood", "audit.job_state", "unused"],
  );
});
