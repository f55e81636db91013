import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

let registered = false;

/** Imports a user's TypeScript (or JavaScript) file at run time: a model module, a config, a migration. */
export async function importModule(path: string): Promise<Record<string, unknown>> {
  if (!registered && !process.execArgv.some((a) => a.includes("tsx"))) {
    register();
  }
  registered = true;
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}
