/**
 * Renders a spec as the TypeScript source of a drizzle model module, the way a person would
 * write it: one `export const` per schema, enum and table, table-level constraints in the
 * third argument. Column property keys are the column names, so rows are keyed by column name.
 */
import { mkdirSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type {
  CheckSpec,
  ColumnSpec,
  ColumnType,
  ForeignKeySpec,
  IndexSpec,
  ModelSpec,
  PrimaryKeySpec,
  TableSpec,
  UniqueSpec,
} from "./spec.ts";
import { specKey } from "./spec.ts";

const str = (s: string) => JSON.stringify(s);
const col = (name: string) => `t[${str(name)}]`;

interface Vars {
  schema: Map<string, string>;
  enum: Map<string, string>;
  table: Map<string, string>;
}

export function renderModels(spec: ModelSpec): string {
  const pg = spec.dialect === "postgresql";
  const vars: Vars = { schema: new Map(), enum: new Map(), table: new Map() };
  const body: string[] = [];
  spec.namespaces.forEach((n, i) => {
    vars.schema.set(n, `s${i}`);
    body.push(`export const s${i} = pgSchema(${str(n)});`);
  });
  spec.enums.forEach((e, i) => {
    vars.enum.set(specKey(e), `e${i}`);
    const owner = e.schema === undefined ? "pgEnum" : `${vars.schema.get(e.schema)}.enum`;
    body.push(`export const e${i} = ${owner}(${str(e.name)}, [${e.values.map(str).join(", ")}]);`);
  });
  spec.tables.forEach((t, i) => {
    vars.table.set(specKey(t), `t${i}`);
    const owner = t.schema !== undefined ? `${vars.schema.get(t.schema)}.table` : pg ? "pgTable" : "sqliteTable";
    const columns = t.columns.map((c) => `  ${str(c.name)}: ${renderColumn(c, vars)},`);
    const extras = renderExtras(t, pg, vars);
    const third = extras.length === 0 ? "" : `, (t) => [\n${extras.map((x) => `  ${x},`).join("\n")}\n]`;
    body.push(`export const t${i} = ${owner}(${str(t.name)}, {\n${columns.join("\n")}\n}${third});`);
  });
  const core = pg ? "drizzle-orm/pg-core" : "drizzle-orm/sqlite-core";
  const used = [...new Set(body.join("\n").match(/(?<![.\w])[a-zA-Z]+(?=\()/g) ?? [])].filter((n) => CORE_EXPORTS.has(n)).sort();
  const imports = [`import { ${used.join(", ")} } from ${str(core)};`];
  if (body.some((b) => b.includes("sql`"))) imports.unshift(`import { sql } from "drizzle-orm";`);
  return `${imports.join("\n")}\n\n${body.join("\n\n")}\n`;
}

const CORE_EXPORTS = new Set([
  "pgSchema", "pgEnum", "pgTable", "sqliteTable", "smallint", "integer", "bigint", "serial", "text", "varchar",
  "boolean", "numeric", "real", "doublePrecision", "date", "timestamp", "uuid", "jsonb", "primaryKey",
  "foreignKey", "unique", "check", "index", "uniqueIndex",
]);

function renderType(name: string, t: ColumnType, vars: Vars): string {
  const n = str(name);
  switch (t.kind) {
    case "bigint":
      return `bigint(${n}, { mode: "number" })`;
    case "varchar":
      return `varchar(${n}, { length: ${t.length} })`;
    case "numeric":
      return `numeric(${n}, { precision: ${t.precision}, scale: ${t.scale} })`;
    case "date":
      return `date(${n}, { mode: "string" })`;
    case "timestamp":
      return `timestamp(${n}, { withTimezone: ${t.withTimezone}, mode: "date" })`;
    case "numericText":
      return `numeric(${n})`;
    case "integerBoolean":
      return `integer(${n}, { mode: "boolean" })`;
    case "enum":
      return `${vars.enum.get(specKey({ schema: t.schema, name: t.enum }))}(${n})`;
    default:
      return `${t.kind}(${n})`;
  }
}

function renderColumn(c: ColumnSpec, vars: Vars): string {
  let out = renderType(c.name, c.type, vars);
  if (c.primaryKey) out += c.autoincrement ? ".primaryKey({ autoIncrement: true })" : ".primaryKey()";
  if (c.notNull && !c.primaryKey && c.type.kind !== "serial" && !c.identity) out += ".notNull()";
  if (c.identity) out += c.identity === "always" ? ".generatedAlwaysAsIdentity()" : ".generatedByDefaultAsIdentity()";
  if (c.unique) out += ".unique()";
  if (c.default?.kind === "value") out += `.default(${JSON.stringify(c.default.value)})`;
  if (c.default?.kind === "now") out += ".defaultNow()";
  if (c.default?.kind === "random") out += ".defaultRandom()";
  return out;
}

function renderExtras(t: TableSpec, pg: boolean, vars: Vars): string[] {
  return [
    ...(t.primaryKey ? [renderPrimaryKey(t.primaryKey)] : []),
    ...t.foreignKeys.map((f) => renderForeignKey(f, vars)),
    ...t.uniques.map((u) => renderUnique(u)),
    ...t.checks.map(renderCheck),
    ...t.indexes.map((i) => renderIndex(i, pg)),
  ];
}

function renderPrimaryKey(pk: PrimaryKeySpec): string {
  const name = pk.name === undefined ? "" : `name: ${str(pk.name)}, `;
  return `primaryKey({ ${name}columns: [${pk.columns.map(col).join(", ")}] })`;
}

function renderForeignKey(f: ForeignKeySpec, vars: Vars): string {
  const target = vars.table.get(specKey({ schema: f.schema, name: f.table }));
  const name = f.name === undefined ? "" : `name: ${str(f.name)}, `;
  const foreign = f.foreignColumns.map((c) => `${target}[${str(c)}]`).join(", ");
  const onDelete = f.onDelete ? `.onDelete(${str(f.onDelete)})` : "";
  return `foreignKey({ ${name}columns: [${f.columns.map(col).join(", ")}], foreignColumns: [${foreign}] })${onDelete}`;
}

function renderUnique(u: UniqueSpec): string {
  const name = u.name === undefined ? "" : str(u.name);
  return `unique(${name}).on(${u.columns.map(col).join(", ")})${u.nullsNotDistinct ? ".nullsNotDistinct()" : ""}`;
}

/** The check's SQL; the row generator's values satisfy it. */
function renderCheck(c: CheckSpec): string {
  const expr = c.rule === "nonNegative" ? `\${${col(c.column)}} >= 0` : `length(\${${col(c.column)}}) > 0`;
  return `check(${str(c.name)}, sql\`${expr}\`)`;
}

function renderIndex(i: IndexSpec, pg: boolean): string {
  const parts = i.parts.map((p) => {
    if (p.expression === "lower") return `sql\`lower(\${${col(p.column)}})\``;
    if (p.expression === "plusOne") return `sql\`(\${${col(p.column)}} + 1)\``;
    return p.desc && pg ? `${col(p.column)}.desc()` : col(p.column);
  });
  const where = i.whereNotNull === undefined ? "" : `.where(sql\`\${${col(i.whereNotNull)}} IS NOT NULL\`)`;
  return `${i.unique ? "uniqueIndex" : "index"}(${str(i.name)}).on(${parts.join(", ")})${where}`;
}

/**
 * Writes the model module to `dir/schema.ts` and returns its path. The folder gets a
 * `node_modules/drizzle-orm` link to this package's copy, so tsx and drizzle-kit resolve the
 * import from a scratch folder.
 */
export function writeModels(spec: ModelSpec, dir: string): string {
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  const link = join(dir, "node_modules", "drizzle-orm");
  if (!existsSync(link)) symlinkSync(drizzleOrmDir(), link, "dir");
  const file = join(dir, "schema.ts");
  writeFileSync(file, renderModels(spec));
  return file;
}

function drizzleOrmDir(): string {
  return dirname(createRequire(import.meta.url).resolve("drizzle-orm"));
}
