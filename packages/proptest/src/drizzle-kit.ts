/** drizzle-kit as a peer: `push` a model module to a database through its CLI, non-interactively. */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ModelSpec } from "./spec.ts";

export interface PushResult {
  /** drizzle-kit exits 0 even when a statement failed, so success is read from its output. */
  applied: boolean;
  /** The statements `--verbose` lists before running them; empty when it saw no change. */
  statements: string[];
  output: string;
}

/** Tables drizzle-kit should leave alone, as a project sets `tablesFilter` (`!name` excludes). */
export interface PushOptions {
  tablesFilter?: string[];
  timeoutMs?: number;
}

/** Writes a drizzle.config next to the models and runs `drizzle-kit push --force` with it. */
export async function drizzleKitPush(spec: ModelSpec, modelFile: string, url: string, options: PushOptions = {}): Promise<PushResult> {
  const { tablesFilter, timeoutMs = 60_000 } = options;
  const dir = dirname(modelFile);
  const config = join(dir, "drizzle.config.json");
  const schemaFilter = spec.dialect === "postgresql" ? { schemaFilter: ["public", ...spec.namespaces] } : {};
  writeFileSync(config, JSON.stringify({ dialect: spec.dialect, schema: modelFile, dbCredentials: { url }, ...schemaFilter, ...(tablesFilter ? { tablesFilter } : {}) }, null, 2));
  const bin = join(dirname(createRequire(import.meta.url).resolve("drizzle-kit")), "bin.cjs");
  const child = spawn(process.execPath, [bin, "push", "--force", "--verbose", `--config=${config}`], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    timeout: timeoutMs,
  });
  let output = "";
  child.stdout.on("data", (b) => (output += b));
  child.stderr.on("data", (b) => (output += b));
  await new Promise((resolve) => child.on("close", resolve));
  return { applied: output.includes("Changes applied"), statements: listedStatements(output), output };
}

/** The block `--verbose` prints after "You are about to execute current statements:", one statement per `;` line end. */
function listedStatements(output: string): string[] {
  const start = output.indexOf("You are about to execute current statements:");
  if (start === -1) return [];
  const block = output.slice(output.indexOf("\n", start) + 1).replace(/^\s*\n/, "").split(/\n\s*\n/)[0] ?? "";
  return block.split(/(?<=;)\n/).map((x) => x.trim()).filter((x) => x !== "");
}
