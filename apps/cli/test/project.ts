// A throwaway driftwood project in a temp folder, and a way to run the CLI in it.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Dialect } from "@driftwood/schema";
import { tempDir } from "@driftwood/testkit";

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), "../src/bin.ts");
const LAUNCHER = resolve(dirname(fileURLToPath(import.meta.url)), "../bin/driftwood.mjs");
const NODE_MODULES = resolve(dirname(fileURLToPath(import.meta.url)), "../node_modules");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TempProject {
  dir: string;
  /** Writes a file under the project folder. */
  write(path: string, text: string): void;
  /** The migration files, sorted. */
  migrations(): string[];
  /** Runs `node --import tsx src/bin.ts ARGS` in the project folder. */
  cli(...args: string[]): CliResult;
  /** Runs the installed launcher, `bin/driftwood.mjs ARGS`, which registers tsx itself. */
  launch(...args: string[]): CliResult;
  remove(): void;
}

function spawn(cwd: string, args: string[]): CliResult {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A project folder whose model files can import drizzle-orm. */
export function tempProject(): TempProject {
  const t = tempDir("driftwood-cli-");
  symlinkSync(NODE_MODULES, join(t.dir, "node_modules"), "dir");
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(t.dir, path)), { recursive: true });
    writeFileSync(join(t.dir, path), text);
  };
  return {
    dir: t.dir,
    write,
    migrations: () => {
      try {
        return readdirSync(join(t.dir, "migrations")).sort();
      } catch {
        return [];
      }
    },
    cli: (...args) => spawn(t.dir, ["--import", "tsx", CLI, ...args]),
    launch: (...args) => spawn(t.dir, [LAUNCHER, ...args]),
    remove: t.remove,
  };
}

/** Runs one query on a database through a driftwood dialect's own connection. */
export async function queryDb(dialect: Dialect, url: string, sql: string): Promise<Record<string, unknown>[]> {
  const conn = await dialect.connect(url);
  try {
    return await conn.query(sql);
  } finally {
    await conn.close();
  }
}
