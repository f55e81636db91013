import { pathToFileURL } from "node:url";

/** Set by whoever registered tsx's loaders (this module, or the `driftwood` launcher). */
const REGISTERED = Symbol.for("driftwood.tsx-registered");

/**
 * Makes TypeScript importable, as ESM and as CommonJS: a user's `.ts` file outside a
 * `"type": "module"` package is loaded as CommonJS. tsx is loaded only here, when a command
 * first needs a user's file, so that `--help` never pays for it.
 */
async function registerTypeScript(): Promise<void> {
  const g = globalThis as { [REGISTERED]?: boolean };
  if (g[REGISTERED] || process.execArgv.some((a) => a.includes("tsx"))) return;
  const [esm, cjs] = await Promise.all([import("tsx/esm/api"), import("tsx/cjs/api")]);
  esm.register();
  cjs.register();
  g[REGISTERED] = true;
}

/**
 * A CommonJS module compiled from ES module syntax arrives as `{ default: module.exports }`;
 * its own exports are inside, marked `__esModule` (tsx does the same for the imports of
 * TypeScript files it transforms, which the bundled CLI is not).
 */
function esModuleExports(namespace: Record<string, unknown>): Record<string, unknown> {
  const inner = namespace.default;
  return inner !== null && typeof inner === "object" && "__esModule" in inner ? (inner as Record<string, unknown>) : namespace;
}

/** Imports a user's TypeScript (or JavaScript) file at run time: a model module, a config, a migration. */
export async function importModule(path: string): Promise<Record<string, unknown>> {
  await registerTypeScript();
  return esModuleExports((await import(pathToFileURL(path).href)) as Record<string, unknown>);
}
