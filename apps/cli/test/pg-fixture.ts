// A copy of one of the PostgreSQL fixture apps in a temp folder, run through the installed launcher
// with DATABASE_URL pointing at a scratch database.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { postgresDialect } from "@driftwood/dialect-postgres";
import { tempDir } from "@driftwood/testkit";
import { queryDb, type CliResult } from "./project.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const LAUNCHER = join(ROOT, "apps/cli/bin/driftwood.mjs");

export interface FixtureCopy {
  dir: string;
  /** The fixture's migration files, sorted. */
  migrations(): string[];
  /** The revision id of the one migration whose file name contains `slug`. */
  revision(slug: string): string;
  /** `driftwood ARGS` in the copy, against `url`. */
  db(...args: string[]): CliResult;
  remove(): void;
}

/** Copies `fixtures/<name>` (models, config, migrations when it has them) into a temp folder. */
export function fixtureCopy(name: string, url: string): FixtureCopy {
  const fixture = join(ROOT, "fixtures", name);
  const t = tempDir(`driftwood-${name}-`);
  for (const f of ["schema.ts", "driftwood.config.ts", "migrations"]) {
    if (existsSync(join(fixture, f))) cpSync(join(fixture, f), join(t.dir, f), { recursive: true });
  }
  symlinkSync(join(fixture, "node_modules"), join(t.dir, "node_modules"), "dir");
  const migrations = () => (existsSync(join(t.dir, "migrations")) ? readdirSync(join(t.dir, "migrations")).sort() : []);
  return {
    dir: t.dir,
    migrations,
    revision: (slug) => {
      const found = migrations().filter((f) => f.includes(slug));
      assert.equal(found.length, 1, `one migration named like ${slug}: ${found.join(", ")}`);
      return found[0]!.slice(0, 12);
    },
    db: (...args) => {
      const r = spawnSync(process.execPath, [LAUNCHER, ...args], {
        cwd: t.dir,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: url },
      });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    },
    remove: t.remove,
  };
}

/** Asserts exit 0 and returns the result. */
export function ok(r: CliResult): CliResult {
  assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Asserts `check` exits 0 and says so. */
export function assertNoDifferences(r: CliResult): void {
  assert.match(ok(r).stdout, /No differences/);
}

export const pgQuery = (url: string, sql: string) => queryDb(postgresDialect, url, sql);
