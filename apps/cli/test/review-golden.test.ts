// The migration files a reviewer reads, for each fixture app, compared byte for byte with the
// committed golden files (fixtures/<app>/golden/). UPDATE_GOLDEN=1 rewrites them after a
// deliberate change; read the diff before committing it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DialectName } from "@driftwood/schema";
import { downgrade, upgrade } from "@driftwood/core";
import { scratchPostgres, scratchSqlite, tempDir, type ScratchDb } from "@driftwood/testkit";
import { generateMigration, openProject } from "../src/index.ts";
import { tempProject, type TempProject } from "./project.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const GOLDEN_REVISION = "0123456789ab";
const GOLDEN_DATE = "2026-01-01T00:00:00.000Z";

interface Fixture {
  name: string;
  dialect: DialectName;
  scratch: () => Promise<ScratchDb>;
  /** Model edits for the review scenario: each [from, to] must match once. */
  changes: [string, string][];
}

const FIXTURES: Fixture[] = [
  {
    name: "trivia",
    dialect: "sqlite",
    scratch: scratchSqlite,
    changes: [
      // A rename (one column of that shape goes, one comes), a drop, a NOT NULL column without default.
      [`displayName: text("display_name"),`, `nickname: text("nickname"),`],
      [`    correct: integer("correct", { mode: "boolean" }).notNull().default(false),\n`, ""],
      [`    points: integer("points").notNull().default(10),`, `    points: integer("points").notNull().default(10),\n    difficulty: integer("difficulty").notNull(),`],
      // A new table that an existing one then points at.
      [
        `export const answers`,
        `export const badges = sqliteTable("badges", { id: integer("id").primaryKey(), userId: integer("user_id").notNull().references(() => users.id) });\n\nexport const answers`,
      ],
    ],
  },
  {
    name: "pg-all",
    dialect: "postgresql",
    scratch: scratchPostgres,
    changes: [
      [`    weight: doublePrecision(),`, `    heft: doublePrecision(),`],
      [`    code: char({ length: 3 }),\n`, ""],
      [`role: varchar({ length: 20 })`, `role: varchar({ length: 10 })`],
      [`["sad", "ok", "happy"]`, `["sad", "ok", "happy", "great"]`],
      [
        `export const counters`,
        `export const audits = billing.table("audits", { id: serial().primaryKey(), userId: integer().notNull().references(() => users.id), at: timestamp().notNull() });\n\nexport const counters`,
      ],
    ],
  },
  {
    name: "backups",
    dialect: "postgresql",
    scratch: scratchPostgres,
    changes: [
      // An inferred rename, a dropped column, a narrowed type.
      [`  displayName: text("display_name"),`, `  fullName: text("full_name"),`],
      [`    enabled: boolean("enabled").notNull().default(true),\n`, ""],
      [`schedule: varchar("schedule", { length: 100 })`, `schedule: varchar("schedule", { length: 50 })`],
    ],
  },
  {
    name: "delivery",
    dialect: "postgresql",
    scratch: scratchPostgres,
    changes: [
      // An enum value added, a dropped column, a NOT NULL column without a default.
      [`["queued", "sent", "failed"]`, `["queued", "sent", "failed", "retrying"]`],
      [`  schedule: text("schedule").notNull().default("0 6 * * *"),\n`, ""],
      [`  active: boolean("active").notNull().default(true),`, `  active: boolean("active").notNull().default(true),\n  tier: text("tier").notNull(),`],
    ],
  },
  {
    name: "roles",
    dialect: "postgresql",
    scratch: scratchPostgres,
    changes: [[`role: varchar("role", { length: 20 }).notNull().default("user")`, `role: varchar("role", { length: 32 }).notNull().default("member")`]],
  },
];

const modelsOf = (f: Fixture) => readFileSync(join(ROOT, "fixtures", f.name, "schema.ts"), "utf8");

function changedModels(f: Fixture): string {
  return f.changes.reduce((text, [from, to]) => {
    assert.equal(text.split(from).length, 2, `${f.name}: the models no longer hold ${JSON.stringify(from)}; update the scenario`);
    return text.replace(from, to);
  }, modelsOf(f));
}

/** Writes `models` into the project as `file` and generates a migration from the database to them. */
async function generate(p: TempProject, f: Fixture, db: ScratchDb, file: string, models: string, options: { revision?: string; createdAt?: string } = {}) {
  p.write(file, models);
  const project = await openProject({ config: { dialect: f.dialect, schema: `./${file}`, url: db.url }, cwd: p.dir });
  const result = await generateMigration(project, { message: `${f.name}: ${file.replace(".ts", "")}`, ...options });
  assert.ok(result.file, `${f.name}: no migration written`);
  return { file: result.file, source: readFileSync(result.file, "utf8") };
}

/** The file with its revision id and date replaced by the golden ones. */
function masked(source: string, file: string): string {
  const revision = /^([0-9a-f]{12})_/.exec(file.split("/").pop()!)![1]!;
  const createdAt = /export const createdAt = "([^"]+)";/.exec(source)![1]!;
  return source.replaceAll(revision, GOLDEN_REVISION).replaceAll(createdAt, GOLDEN_DATE);
}

function assertGolden(f: Fixture, name: string, actual: string): void {
  const path = join(ROOT, "fixtures", f.name, "golden", name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  assert.equal(actual, readFileSync(path, "utf8"), `${path} differs; if the change is meant, run with UPDATE_GOLDEN=1 and review the diff`);
}

for (const f of FIXTURES) {
  test(`${f.name} (${f.dialect}): the first migration is the same bytes in two projects, and the golden file`, async () => {
    const runs = await Promise.all(
      [0, 1].map(async () => {
        const db = await f.scratch();
        const p = tempProject();
        try {
          const { file, source } = await generate(p, f, db, "initial.ts", modelsOf(f));
          return masked(source, file);
        } finally {
          p.remove();
          await db.drop();
        }
      }),
    );
    assert.equal(runs[0], runs[1]);
    assertGolden(f, "initial.ts", runs[0]!);
  });

  test(`${f.name} (${f.dialect}): a change with a rename, hazards and a new referenced table reads as the golden file, and runs up and down`, async () => {
    const db = await f.scratch();
    const p = tempProject();
    const open = (file: string) => openProject({ config: { dialect: f.dialect, schema: `./${file}`, url: db.url }, cwd: p.dir });
    try {
      await generate(p, f, db, "initial.ts", modelsOf(f), { revision: "000000000000" });
      await upgrade(await open("initial.ts"), "head");
      const { source } = await generate(p, f, db, "review.ts", changedModels(f), { revision: GOLDEN_REVISION, createdAt: GOLDEN_DATE });
      assertGolden(f, "review.ts", source);
      await upgrade(await open("review.ts"), "head");
      await downgrade(await open("review.ts"), "base");
    } finally {
      p.remove();
      await db.drop();
    }
  });
}

test("every migration and golden file of every fixture type-checks against driftwood's op types", () => {
  const files = readdirSync(join(ROOT, "fixtures")).flatMap((app) =>
    ["migrations", "golden"].flatMap((folder) => {
      const dir = join(ROOT, "fixtures", app, folder);
      try {
        return readdirSync(dir).filter((n) => n.endsWith(".ts")).map((n) => join(dir, n));
      } catch {
        return [];
      }
    }),
  );
  assert.ok(files.length >= FIXTURES.length * 2, files.join("\n"));
  const tmp = tempDir("driftwood-tsc-");
  try {
    writeFileSync(
      join(tmp.dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          strict: true,
          noEmit: true,
          allowImportingTsExtensions: true,
          skipLibCheck: true,
          types: ["node"],
          typeRoots: [join(ROOT, "node_modules/@types")],
        },
        files,
      }),
    );
    const r = spawnSync(join(ROOT, "node_modules/.bin/tsc"), ["--noEmit", "--listFiles", "-p", tmp.dir], { cwd: ROOT, encoding: "utf8" });
    // Each fixture resolves `driftwood` through its own dependency on apps/cli.
    assert.ok(r.stdout.includes(join(ROOT, "apps/cli/src/index.ts")), r.stdout.slice(0, 2000));
    // Only the migrations are judged here; the packages they import have their own typecheck.
    const errors = r.stdout.split("\n").filter((l) => /: error TS/.test(l) && files.includes(resolve(ROOT, l.slice(0, l.indexOf("(")))));
    assert.deepEqual(errors, []);
  } finally {
    tmp.remove();
  }
});
