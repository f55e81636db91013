import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/** Set by whoever registered tsx's loaders (this module, or the `driftwood` launcher). */
const REGISTERED = Symbol.for("driftwood.tsx-registered");
const registered = globalThis as { [REGISTERED]?: "cjs" | true };

const require = createRequire(import.meta.url);

/** Whether this process runs under `node --import tsx` (or the `tsx` binary), which hooks both systems. */
const underTsx = () => process.execArgv.some((a) => a.includes("tsx"));

/**
 * Makes TypeScript loadable. tsx is loaded only here, when a command first needs a user's file,
 * so that `--help` never pays for it. `cjs` hooks `require` in this thread; `esm` adds the ES
 * module hooks, which run in a worker thread and cost a few hundred milliseconds to start.
 */
async function registerTypeScript(level: "cjs" | "esm"): Promise<void> {
  const done = registered[REGISTERED];
  if (done === true || done === level || underTsx()) return;
  if (done === undefined) (await import("tsx/cjs/api")).register();
  if (level === "esm") (await import("tsx/esm/api")).register();
  registered[REGISTERED] = level === "esm" ? true : "cjs";
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

/** What `import()` would give for a module that `require` returned. */
function asNamespace(loaded: unknown): Record<string, unknown> {
  if (Object.prototype.toString.call(loaded) === "[object Module]") return loaded as Record<string, unknown>;
  if (loaded !== null && typeof loaded === "object") {
    if ("__esModule" in loaded) return loaded as Record<string, unknown>;
    return { ...(loaded as Record<string, unknown>), default: loaded };
  }
  return { default: loaded };
}

/** Errors of `require` that only mean "load this as an ES module instead" (top-level await, an import-only package). */
const NEEDS_ESM = new Set(["ERR_REQUIRE_ESM", "ERR_REQUIRE_ASYNC_MODULE", "ERR_REQUIRE_CYCLE_MODULE", "ERR_PACKAGE_PATH_NOT_EXPORTED"]);

/**
 * Imports a user's TypeScript (or JavaScript) file at run time: a model module, a config, a
 * migration. It is required through tsx's CommonJS hooks, which compile ES module syntax too and
 * share drizzle-orm's CommonJS build with the CLI; what only loads as an ES module is imported.
 */
export async function importModule(path: string): Promise<Record<string, unknown>> {
  await registerTypeScript("cjs");
  try {
    return asNamespace(require(path));
  } catch (e) {
    if (!NEEDS_ESM.has((e as { code?: string })?.code ?? "")) throw e;
  }
  await registerTypeScript("esm");
  return esModuleExports((await import(pathToFileURL(path).href)) as Record<string, unknown>);
}
