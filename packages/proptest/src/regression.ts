/**
 * Saved counterexamples. When a property fails, its shrunk input is written to
 * `regressions/<dialect>-<hash>.json` with the seed that found it; `savedRegressions` reads
 * them back so that each is replayed as a fixed test case before any random run.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import fc from "fast-check";
import type { DialectName } from "@driftwood/schema";
import type { SpecPair } from "./spec.ts";

/** The package's own regressions folder. */
export const REGRESSIONS_DIR = fileURLToPath(new URL("../regressions/", import.meta.url));

export interface Regression {
  /** The property's name, so each property replays only its own cases. */
  property: string;
  dialect: DialectName;
  seed: number;
  /** fast-check's path to the shrunk case within the seed's run. */
  path?: string;
  pair: SpecPair;
}

/** Writes the regression (content-addressed, so saving it twice keeps one file) and returns its path. */
export function saveRegression(r: Regression, dir = REGRESSIONS_DIR): string {
  const text = `${JSON.stringify(r, null, 2)}\n`;
  const hash = createHash("sha256").update(JSON.stringify({ property: r.property, pair: r.pair })).digest("hex").slice(0, 12);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${r.dialect}-${hash}.json`);
  writeFileSync(file, text);
  return file;
}

/** Every saved regression of `property` for `dialect`, by file name order, with its file name. */
export function savedRegressions(property: string, dialect: DialectName, dir = REGRESSIONS_DIR): (Regression & { file: string })[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((f) => f.startsWith(`${dialect}-`) && f.endsWith(".json"))
    .sort()
    .map((file) => ({ ...(JSON.parse(readFileSync(join(dir, file), "utf8")) as Regression), file }))
    .filter((r) => r.property === property);
}

export interface PairPropertyOptions {
  property: string;
  dialect: DialectName;
  seed: number;
  numRuns: number;
  dir?: string;
}

/** Registers one `node:test` test per saved regression of the property, each a fixed case. */
export function regressionTests(property: string, dialect: DialectName, predicate: (pair: SpecPair) => Promise<void>, dir?: string): void {
  for (const r of savedRegressions(property, dialect, dir)) test(`${property} regression ${r.file}`, () => predicate(r.pair));
}

/**
 * Checks `predicate` on `numRuns` pairs from `arbitrary`. A failing case is shrunk, saved as a
 * regression, and reported with its seed and the file it was saved to.
 */
export async function checkPairProperty(
  arbitrary: fc.Arbitrary<SpecPair>,
  predicate: (pair: SpecPair) => Promise<void>,
  options: PairPropertyOptions,
): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), { seed: options.seed, numRuns: options.numRuns });
  if (!details.failed) {
    console.log(`${options.property} ${options.dialect}: ${details.numRuns} runs passed, ${details.numSkips} skipped (seed ${details.seed})`);
    return;
  }
  const pair = details.counterexample?.[0];
  const saved = pair
    ? saveRegression({ property: options.property, dialect: options.dialect, seed: details.seed, path: details.counterexamplePath ?? undefined, pair }, options.dir)
    : "not saved (no counterexample)";
  const error = details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));
  throw new Error(
    `${options.property} failed with seed ${details.seed}; counterexample ${saved}\n${error.stack ?? error.message}\n${fc.defaultReportMessage(details)}`,
    { cause: error },
  );
}
