import { existsSync, statSync } from "node:fs";
import { glob, isDynamicPattern } from "tinyglobby";
import type { Connection, Dialect, DialectName, Schema } from "@driftwood/schema";
import { loadConfig, resolveConfig, type DriftwoodConfig, type ResolvedConfig } from "./config.ts";
import { ConfigError } from "./errors.ts";
import { importModule } from "./modules.ts";
import { loadRevisions, type Revision } from "./revisions/load.ts";
import type { RevisionGraph } from "./revisions/graph.ts";
import { filterSchema } from "./table-filter.ts";
import { VersionTables } from "./runner/version-table.ts";

/** What core needs from the packages around it; the `driftwood` package supplies it. */
export interface Toolkit {
  dialect(name: DialectName): Dialect | Promise<Dialect>;
  schemaFromModules(modules: { file: string; exports: Record<string, unknown> }[], dialect: DialectName): Schema;
}

export interface ProjectOptions {
  /** A config file path (relative to `cwd`) or a config object; default: found in `cwd`. */
  config?: string | DriftwoodConfig;
  cwd?: string;
}

/** A loaded config with its dialect: what every command works on. */
export class Project {
  #revisions?: Promise<RevisionGraph<Revision>>;

  private constructor(
    readonly config: ResolvedConfig,
    readonly dialect: Dialect,
    readonly toolkit: Toolkit,
  ) {}

  static async open(options: ProjectOptions, toolkit: Toolkit): Promise<Project> {
    const cwd = options.cwd ?? process.cwd();
    const config =
      typeof options.config === "object"
        ? resolveConfig(options.config, { root: cwd })
        : await loadConfig({ configPath: options.config, cwd });
    return new Project(config, await toolkit.dialect(config.dialect), toolkit);
  }

  get versions(): VersionTables {
    return new VersionTables(this.dialect, this.config.versionTable);
  }

  /** The migrations folder's revision graph, loaded once. */
  revisions(): Promise<RevisionGraph<Revision>> {
    this.#revisions ??= loadRevisions(this.config.migrations);
    return this.#revisions;
  }

  /** Opens the database (or the one at `url`), runs `fn`, closes it. */
  async withConnection<T>(fn: (conn: Connection) => Promise<T>, url = this.config.url): Promise<T> {
    if (url === undefined) {
      throw new ConfigError(`no database url in ${this.config.file ?? "the config"}; set url (or dbCredentials.url)`);
    }
    const conn = await this.dialect.connect(url);
    try {
      return await fn(conn);
    } finally {
      await conn.close();
    }
  }

  /** The live schema, normalized, without the version tables and ignored tables. */
  async introspect(conn: Connection): Promise<Schema> {
    const schema = await conn.introspect({ include: (t) => this.config.filter(t, "database") });
    return filterSchema(this.dialect.normalize(schema), this.config.filter, "database");
  }

  /** The schema the models describe, normalized and filtered like the database's. */
  async loadModels(): Promise<Schema> {
    const files = await this.schemaFiles();
    const modules = [];
    for (const file of files) {
      try {
        modules.push({ file, exports: await importModule(file) });
      } catch (e) {
        const message = String((e as Error)?.message ?? e).split("\n")[0];
        throw new ConfigError(`cannot load model file ${file}: ${message}; fix the error in that file\n${(e as Error)?.stack ?? ""}`);
      }
    }
    const schema = this.toolkit.schemaFromModules(modules, this.config.dialect);
    return filterSchema(this.dialect.normalize(schema), this.config.filter, "models");
  }

  async schemaFiles(): Promise<string[]> {
    const where = this.config.file ?? "the config";
    const files = new Set<string>();
    for (const pattern of this.config.schema) {
      const found = isDynamicPattern(pattern)
        ? await glob(pattern, { absolute: true })
        : !existsSync(pattern)
          ? []
          : statSync(pattern).isDirectory()
            ? await glob("**/*.{ts,mts,js,mjs}", { cwd: pattern, absolute: true, ignore: ["**/*.d.ts"] })
            : [pattern];
      if (found.length === 0) {
        throw new ConfigError(`schema ${pattern} matches no file (from ${where}); fix the schema path in the config`);
      }
      for (const f of found.sort()) files.add(f);
    }
    return [...files];
  }
}
