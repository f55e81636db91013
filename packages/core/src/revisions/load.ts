import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { MigrationModule } from "@driftwood/schema";
import { importModule } from "../modules.ts";
import { RevisionError } from "../errors.ts";
import { RevisionGraph, type RevisionNode } from "./graph.ts";

/** A migration file, loaded. */
export interface Revision extends RevisionNode {
  message: string;
  createdAt?: string;
  module: MigrationModule;
  /** sha256 of the file's text, recorded when it is applied. */
  checksum: string;
}

/** Migration files: `<revision>_<slug>.ts`. */
export function isMigrationFile(name: string): boolean {
  return /\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith(".d.ts") && !name.startsWith(".");
}

/** Loads every migration in `dir` (a missing folder has none) and builds their graph. */
export async function loadRevisions(dir: string): Promise<RevisionGraph<Revision>> {
  if (!existsSync(dir)) return new RevisionGraph<Revision>([]);
  const files = readdirSync(dir).filter(isMigrationFile).sort();
  const revisions = await Promise.all(files.map((f) => loadRevision(join(dir, f))));
  return new RevisionGraph(revisions);
}

export async function loadRevision(file: string): Promise<Revision> {
  const source = readFileSync(file, "utf8");
  let exports: Record<string, unknown>;
  try {
    exports = await importModule(file);
  } catch (e) {
    const message = String((e as Error)?.message ?? e).split("\n")[0];
    throw new RevisionError(`cannot load migration ${file}: ${message}; fix the error in that file`);
  }
  const bad = (what: string): never => {
    throw new RevisionError(`migration ${file} ${what}; a migration exports revision, parents, message, upgrade and downgrade`);
  };
  const { revision, message, createdAt, upgrade, downgrade } = exports;
  if (typeof revision !== "string" || revision === "") bad("exports no revision id");
  const parents = exports.parents ?? [];
  if (!Array.isArray(parents) || !parents.every((p) => typeof p === "string")) bad("has parents that are not a list of revision ids");
  if (typeof upgrade !== "function") bad("exports no upgrade function");
  if (typeof downgrade !== "function") bad("exports no downgrade function");
  const id = revision as string;
  const prefix = /^([0-9a-f]+)_/.exec(basename(file))?.[1];
  if (prefix !== undefined && prefix !== id) {
    throw new RevisionError(
      `migration ${file} is named for revision ${prefix} but exports revision ${id}; rename the file or fix its revision`,
    );
  }
  return {
    id,
    parents: parents as string[],
    file,
    message: typeof message === "string" ? message : "",
    createdAt: typeof createdAt === "string" ? createdAt : undefined,
    module: exports as unknown as MigrationModule,
    checksum: createHash("sha256").update(source).digest("hex"),
  };
}
