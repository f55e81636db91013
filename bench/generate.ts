// Synthetic drizzle model projects of N tables, the same every time for the same N and dialect.
// Every table has mixed column types, one index, one unique constraint, and a foreign key to the
// table before it; PostgreSQL models also share a few enums.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { linkPeers } from "./peers.ts";

export type BenchDialect = "postgresql" | "sqlite";

const enumCount = 3;

/** The SQL name of table `i` of `n`, zero-padded so names sort in creation order. */
export function tableName(i: number, n: number): string {
  return `t_${String(i).padStart(String(n - 1).length, "0")}`;
}

function exportName(i: number, n: number): string {
  return tableName(i, n).replace("_", "");
}

function pgTableSource(i: number, n: number): string {
  const name = tableName(i, n);
  const parent = i > 0 ? `\n    parentId: integer("parent_id").references(() => ${exportName(i - 1, n)}.id),` : "";
  return `export const ${exportName(i, n)} = pgTable(
  "${name}",
  {
    id: integer("id").primaryKey(),${parent}
    name: text("name").notNull(),
    code: varchar("code", { length: 32 }).notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb("payload"),
    amount: numeric("amount", { precision: 12, scale: 2 }),
    mood: mood${i % enumCount}("mood").notNull().default("calm"),
  },
  (t) => [index("${name}_name_idx").on(t.name), unique("${name}_code_key").on(t.code)],
);
`;
}

function sqliteTableSource(i: number, n: number): string {
  const name = tableName(i, n);
  const parent = i > 0 ? `\n    parentId: integer("parent_id").references(() => ${exportName(i - 1, n)}.id),` : "";
  return `export const ${exportName(i, n)} = sqliteTable(
  "${name}",
  {
    id: integer("id").primaryKey(),${parent}
    name: text("name").notNull(),
    code: text("code", { length: 32 }).notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull(),
    payload: text("payload", { mode: "json" }),
    amount: numeric("amount"),
    ratio: real("ratio"),
  },
  (t) => [index("${name}_name_idx").on(t.name), unique("${name}_code_key").on(t.code)],
);
`;
}

/** The TypeScript source of a drizzle model module with `tables` tables. */
export function modelSource(dialect: BenchDialect, tables: number): string {
  const parts: string[] = [];
  if (dialect === "postgresql") {
    parts.push(
      `import { boolean, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, unique, varchar } from "drizzle-orm/pg-core";\n`,
    );
    for (let e = 0; e < enumCount; e++) {
      parts.push(`export const mood${e} = pgEnum("mood_${e}", ["calm", "busy", "away_${e}"]);\n`);
    }
    for (let i = 0; i < tables; i++) parts.push(pgTableSource(i, tables));
  } else {
    parts.push(`import { index, integer, numeric, real, sqliteTable, text, unique } from "drizzle-orm/sqlite-core";\n`);
    for (let i = 0; i < tables; i++) parts.push(sqliteTableSource(i, tables));
  }
  return parts.join("\n");
}

export interface ProjectTarget {
  /** Database URL (PostgreSQL) or file path (SQLite). */
  url: string;
  /** Migrations folder: driftwood's `migrations`, drizzle-kit's `out`. */
  migrations: string;
}

export interface Project {
  dir: string;
  dialect: BenchDialect;
  tables: number;
  schemaPath: string;
}

/**
 * Writes `driftwood.<name>.config.ts` and `drizzle.<name>.config.ts` (or the plain
 * `driftwood.config.ts` / `drizzle.config.ts` without a name) pointing at `target`.
 * Returns the two config paths.
 */
export function writeConfigs(
  project: Project,
  target: ProjectTarget,
  name?: string,
): { driftwood: string; drizzle: string } {
  const suffix = name ? `.${name}` : "";
  const driftwood = join(project.dir, `driftwood${suffix}.config.ts`);
  const drizzle = join(project.dir, `drizzle${suffix}.config.ts`);
  const driftwoodConfig = {
    dialect: project.dialect,
    schema: project.schemaPath,
    url: target.url,
    migrations: target.migrations,
  };
  const drizzleConfig = {
    dialect: project.dialect,
    schema: project.schemaPath,
    out: target.migrations,
    dbCredentials: { url: target.url },
  };
  writeFileSync(driftwood, `export default ${JSON.stringify(driftwoodConfig, null, 2)};\n`);
  writeFileSync(drizzle, `export default ${JSON.stringify(drizzleConfig, null, 2)};\n`);
  return { driftwood, drizzle };
}

/**
 * Writes a project of `tables` tables into `dir`: `schema.ts`, both config files aimed at
 * `target`, and a node_modules that resolves drizzle-orm, drizzle-kit and the drivers.
 */
export function generateProject(
  dir: string,
  dialect: BenchDialect,
  tables: number,
  target: ProjectTarget,
): Project {
  mkdirSync(dir, { recursive: true });
  const schemaPath = join(dir, "schema.ts");
  writeFileSync(schemaPath, modelSource(dialect, tables));
  linkPeers(dir);
  const project = { dir, dialect, tables, schemaPath };
  writeConfigs(project, target);
  return project;
}
