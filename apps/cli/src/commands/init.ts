import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError } from "@driftwood/core";
import { print, shortPath } from "../output.ts";
import type { GlobalArgs } from "./args.ts";

export interface InitArgs extends GlobalArgs {
  dialect: "postgresql" | "sqlite";
  url?: string;
  schema: string;
  migrations: string;
}

/** Writes a starting `driftwood.config.ts` and an empty migrations folder. */
export async function initCommand(argv: InitArgs): Promise<number> {
  const file = resolve(argv.config ?? "driftwood.config.ts");
  if (existsSync(file)) throw new ConfigError(`${shortPath(file)} already exists; edit it, or remove it to start over`);
  const url = argv.url ?? (argv.dialect === "sqlite" ? "./dev.db" : "postgres://postgres@localhost:5432/postgres");
  const config = {
    dialect: argv.dialect,
    schema: argv.schema,
    url,
    migrations: argv.migrations,
  };
  writeFileSync(file, `export default ${JSON.stringify(config, null, 2)};\n`);
  const migrations = resolve(file, "..", argv.migrations);
  mkdirSync(migrations, { recursive: true });
  print(`Wrote ${shortPath(file)} and ${shortPath(migrations)}/`);
  print("Next: point schema at your drizzle tables, then run `driftwood migrate -m \"initial\"`.");
  return 0;
}
