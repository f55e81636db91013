/**
 * Generators for the round-trip property tests. A property over a pair reads:
 *
 * ```ts
 * const params = propertyParameters(25); // PROPS_SEED, PROPS_RUNS
 * regressionTests("upgrade-downgrade", "postgresql", roundTrip);
 * test("upgrade-downgrade", () =>
 *   checkPairProperty(specPairArbitrary({ dialect: "postgresql" }), roundTrip,
 *     { property: "upgrade-downgrade", dialect: "postgresql", ...params }));
 * ```
 *
 * where `roundTrip({ a, b })` writes A's models (`writeModels`), brings a scratch database to A,
 * inserts `rowsFor(a, 3, b)` (`insertRows`), writes B's models and migrates, upgrades,
 * downgrades, and compares `readRows` under A with what it inserted.
 */
export * from "./spec.ts";
export { specArbitrary, specPairArbitrary, propertyParameters, type PairOptions } from "./arbitraries.ts";
export { buildSpec, scopesOf, derivedNames, type SpecOptions } from "./build.ts";
export { drawFrom, type Draw } from "./draw.ts";
export { mutateSpec, MUTATIONS, type MutationKind } from "./mutate.ts";
export { nameFragments, ENUM_LABELS, MAX_IDENTIFIER_BYTES, MAX_BASE_NAME_BYTES, byteLength, type NameOptions } from "./names.ts";
export { renderModels, writeModels } from "./render-models.ts";
export { rowsFor, valueFor, modelTables, insertRows, readRows, type Row, type TableRows, type ModelDb, type ModelTables } from "./rows.ts";
export {
  saveRegression,
  savedRegressions,
  regressionTests,
  checkPairProperty,
  REGRESSIONS_DIR,
  type Regression,
  type PairPropertyOptions,
} from "./regression.ts";
export { drizzleKitPush, type PushResult } from "./drizzle-kit.ts";
