import { existsSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { DialectName } from "@driftwood/schema";
import { importModule } from "./modules.ts";
import { ConfigError, maskPasswords } from "./errors.ts";
import { tableFilter, type IncludeObject, type TableFilter } from "./table-filter.ts";

/** A project's config, as `driftwood.config.ts` (or an existing `drizzle.config.ts`) exports it. */
export interface DriftwoodConfig {
  dialect: DialectName;
  /** Model files: a path, a glob or a list of them, relative to the config file's folder. */
  schema: string | string[];
  /** The database: a PostgreSQL URL, `pglite:<dir>`, or a SQLite file path. */
  url?: string;
  /** drizzle-kit's driver: `pglite` makes a plain `url` a PGlite data folder. */
  driver?: string;
  /** drizzle-kit's spelling of `url`. */
  dbCredentials?: {
    url?: string;
    host?: string;
    port?: number | string;
    user?: string;
    password?: string;
    database?: string;
  };
  /** The migrations folder; default `migrations`. */
  migrations?: string;
  /** drizzle-kit's output folder, used as `migrations` when that is not set. */
  out?: string;
  /** Globs over table names (`schema.table` allowed) that driftwood never touches. */
  ignore?: string[];
  tablesFilter?: string | string[];
  schemaFilter?: string | string[];
  /** Return false to leave a table out of every diff. */
  include?: (object: IncludeObject) => boolean;
  /** Default `driftwood_version`. */
  versionTable?: string;
  hooks?: Hooks;
}

/** A command line (`{file}` is replaced by the quoted path of the file) or a function. */
export type PostWriteHook = string | ((file: string) => void | Promise<void>);

export interface Hooks {
  /** Run in order after `migrate`, `revision` or `merge` writes a migration (`prettier --write {file}`). */
  postWrite?: PostWriteHook | PostWriteHook[];
}

/** A config with every path made absolute and every default filled in. */
export interface ResolvedConfig {
  /** The config file, or undefined for a config given as an object. */
  file?: string;
  /** The folder relative paths are resolved against. */
  root: string;
  dialect: DialectName;
  /** Absolute globs or paths of the model files. */
  schema: string[];
  /** Undefined when the config names no database. */
  url?: string;
  migrations: string;
  versionTable: string;
  filter: TableFilter;
  /** Post-write hooks, in order. */
  postWrite: PostWriteHook[];
}

/** Identity, for type checking: `export default defineConfig({ ... })`. */
export function defineConfig(config: DriftwoodConfig): DriftwoodConfig {
  return config;
}

const CONFIG_NAMES = ["driftwood.config.ts", "drizzle.config.ts"];
const DIALECTS: readonly DialectName[] = ["postgresql", "sqlite"];

export interface LoadConfigOptions {
  /** An explicit config file (`--config`), relative to `cwd`. */
  configPath?: string;
  cwd: string;
}

/** Finds, imports and checks the project's config. Every problem is a one-line `ConfigError`. */
export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const file = findConfig(options);
  let exports: Record<string, unknown>;
  try {
    exports = await importModule(file);
  } catch (e) {
    throw new ConfigError(
      `cannot load config ${file}: ${firstLine(e)}; fix the error in that file\n${String((e as Error)?.stack ?? e)}`,
    );
  }
  const value = exports.default ?? exports.config;
  if (value === null || typeof value !== "object") {
    throw new ConfigError(
      `config ${file} has no default export; export default defineConfig({ dialect, schema, url })`,
    );
  }
  return resolveConfig(value as DriftwoodConfig, { file, root: dirname(file) });
}

function findConfig({ configPath, cwd }: LoadConfigOptions): string {
  if (configPath !== undefined) {
    const file = resolve(cwd, configPath);
    if (!existsSync(file)) {
      throw new ConfigError(`config file ${file} not found; check the --config path`);
    }
    return file;
  }
  for (const name of CONFIG_NAMES) {
    const file = resolve(cwd, name);
    if (existsSync(file)) return file;
  }
  throw new ConfigError(
    `no driftwood.config.ts or drizzle.config.ts in ${cwd}; run \`driftwood init\` or pass --config FILE`,
  );
}

/** Checks a config object and fills in its defaults; `file` is only used in messages. */
export function resolveConfig(config: DriftwoodConfig, where: { file?: string; root: string }): ResolvedConfig {
  const at = where.file ?? "the config object";
  const fail = (what: string, todo: string): never => {
    throw new ConfigError(`${what} in ${at}; ${todo}`);
  };
  if (!DIALECTS.includes(config.dialect)) {
    fail(
      `unsupported dialect ${JSON.stringify(config.dialect)}`,
      `set dialect to "postgresql" or "sqlite"`,
    );
  }
  const schema = list(config.schema, "schema", at);
  if (schema.length === 0) fail("no schema (model files) given", `set schema: "./src/db/schema.ts"`);
  const migrations = config.migrations ?? config.out ?? "migrations";
  if (typeof migrations !== "string") fail("migrations must be a folder path", `set migrations: "migrations"`);
  const versionTable = config.versionTable ?? "driftwood_version";
  if (typeof versionTable !== "string" || versionTable === "") {
    fail("versionTable must be a table name", `remove it or set versionTable: "driftwood_version"`);
  }
  if (config.include !== undefined && typeof config.include !== "function") {
    fail("include must be a function", "set include: (object) => boolean");
  }
  const postWrite = config.hooks?.postWrite === undefined ? [] : [config.hooks.postWrite].flat();
  if (!postWrite.every((h) => typeof h === "string" || typeof h === "function")) {
    fail("hooks.postWrite must be a command, a function or a list of them", `set hooks: { postWrite: ["prettier --write {file}"] }`);
  }
  return {
    file: where.file,
    root: where.root,
    dialect: config.dialect,
    schema: schema.map((s) => (isAbsolute(s) ? s : resolve(where.root, s).split("\\").join("/"))),
    url: databaseUrl(config, where.root, at),
    migrations: resolve(where.root, migrations),
    versionTable,
    postWrite,
    filter: tableFilter({
      dialect: config.dialect,
      versionTable,
      ignore: list(config.ignore, "ignore", at),
      tablesFilter: list(config.tablesFilter, "tablesFilter", at),
      schemaFilter: config.schemaFilter === undefined ? undefined : list(config.schemaFilter, "schemaFilter", at),
      include: config.include,
    }),
  };
}

function list(value: unknown, field: string, at: string): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  if (!items.every((x) => typeof x === "string")) {
    throw new ConfigError(`${field} must be a string or a list of strings in ${at}; fix that field`);
  }
  return items as string[];
}

function databaseUrl(config: DriftwoodConfig, root: string, at: string): string | undefined {
  const creds = config.dbCredentials;
  let url = config.url ?? creds?.url;
  if (url === undefined && creds?.host !== undefined) {
    const auth = creds.user ? `${encodeURIComponent(creds.user)}${creds.password ? `:${encodeURIComponent(creds.password)}` : ""}@` : "";
    url = `postgres://${auth}${creds.host}${creds.port ? `:${creds.port}` : ""}/${creds.database ?? ""}`;
  }
  if (url === undefined) return undefined;
  if (typeof url !== "string" || url === "") {
    throw new ConfigError(`url must be a non-empty string in ${at}; set url: "postgres://…" or a SQLite file path`);
  }
  if (config.dialect === "sqlite") return sqlitePath(url, root);
  if (config.driver === "pglite" && !/^pglite:/i.test(url)) url = `pglite:${url}`;
  return pglitePath(url, root);
}

/** PGlite's data folder, like a SQLite file, is relative to the config folder. */
function pglitePath(url: string, root: string): string {
  const path = /^pglite:(?:\/\/)?(.*)$/i.exec(url)?.[1];
  if (path === undefined || path === "" || path === "memory" || isAbsolute(path)) return url;
  return `pglite:${resolve(root, path)}`;
}

/** SQLite: a relative path (or `file:` URL) is relative to the config folder. */
function sqlitePath(url: string, root: string): string {
  if (url === ":memory:") return url;
  const path = url.startsWith("file:") ? url.slice("file:".length).replace(/^\/\/(?=\/)/, "") : url;
  return resolve(root, path);
}

/** A config file or folder as a user would type it from `cwd`. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const r = relative(cwd, path);
  return r === "" ? "." : r.startsWith("..") || isAbsolute(r) ? path : r;
}

function firstLine(e: unknown): string {
  return maskPasswords(String((e as Error)?.message ?? e).split("\n")[0]!);
}
