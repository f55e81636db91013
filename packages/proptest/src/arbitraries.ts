/** fast-check arbitraries of model specs and of (A, B) pairs for migration properties. */
import fc from "fast-check";
import { buildSpec, type SpecOptions } from "./build.ts";
import { drawFrom } from "./draw.ts";
import { mutateSpec } from "./mutate.ts";
import type { ModelSpec, SpecPair } from "./spec.ts";

/** A model spec for `options.dialect`, with only what that dialect supports. */
export function specArbitrary(options: SpecOptions): fc.Arbitrary<ModelSpec> {
  return fc.gen().map((g) => buildSpec(drawFrom(g), options));
}

export interface PairOptions extends SpecOptions {
  /** At most this many mutations from A to B (default 3, at least one is applied). */
  maxMutations?: number;
}

/** A spec A and a spec B derived from it by a few mutations (see `mutate.ts`); never a rename. */
export function specPairArbitrary(options: PairOptions): fc.Arbitrary<SpecPair> {
  return fc.gen().map((g) => {
    const d = drawFrom(g);
    const a = buildSpec(d, options);
    return { a, b: mutateSpec(d, a, options, options.maxMutations) };
  });
}

/** Run parameters from the environment: `PROPS_SEED` (default: a fresh one) and `PROPS_RUNS`. */
export function propertyParameters(defaultRuns: number): { seed: number; numRuns: number } {
  const seed = process.env.PROPS_SEED ? Number(process.env.PROPS_SEED) : Date.now() ^ (Math.random() * 0x100000000);
  const numRuns = process.env.PROPS_RUNS ? Number(process.env.PROPS_RUNS) : defaultRuns;
  if (!Number.isInteger(seed) || !Number.isInteger(numRuns) || numRuns < 1) {
    throw new Error(`PROPS_SEED and PROPS_RUNS must be integers (got ${process.env.PROPS_SEED}, ${process.env.PROPS_RUNS}).`);
  }
  return { seed, numRuns };
}
