import { pathToFileURL } from "node:url";
import { register as registerEsm } from "tsx/esm/api";
import { register as registerCjs } from "tsx/cjs/api";

/** Set by whoever registered tsx's loaders (this module, or the `driftwood` launcher). */
const REGISTERED = Symbol.for("driftwood.tsx-registered");

/**
 * Makes TypeScript importable, as ESM and as CommonJS: a user's `.ts` file outside a
 * `"type": "module"` package is loaded as CommonJS.
 */
function registerTypeScript(): void {
  const g = globalThis as { [REGISTERED]?: boolean };
  if (g[REGISTERED] || process.execArgv.some((a) => a.includes("tsx"))) return;
  registerEsm();
  registerCjs();
  g[REGISTERED] = true;
}

/** Imports a user's TypeScript (or JavaScript) file at run time: a model module, a config, a migration. */
export async function importModule(path: string): Promise<Record<string, unknown>> {
  registerTypeScript();
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}
