import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { invertAll, type Op } from "@driftwood/schema";
import { autogenerate, RevisionError, type AutogenerateOptions, type Project, type RenameAmbiguity } from "@driftwood/core";

/** A new revision id: 12 hex characters. */
export function newRevisionId(): string {
  return randomBytes(6).toString("hex");
}

export interface NewMigration {
  message: string;
  parents: string[];
  /** Omitted for an empty migration (`revision`, `merge`). */
  upgrade?: Op[];
}

/** Writes a migration file into the project's migrations folder; returns its path. */
export async function writeMigration(project: Project, migration: NewMigration): Promise<string> {
  // ts-morph is heavy: only the commands that write a file load it.
  const { renderEmptyMigrationFile, renderMigrationFile, slugify } = await import("@driftwood/codegen");
  const revision = newRevisionId();
  const header = { revision, parents: migration.parents, message: migration.message, createdAt: new Date().toISOString() };
  const source = migration.upgrade
    ? renderMigrationFile({ ...header, upgrade: migration.upgrade, downgrade: invertAll(migration.upgrade) })
    : renderEmptyMigrationFile(header);
  const dir = project.config.migrations;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${revision}_${slugify(migration.message)}.ts`);
  if (existsSync(file)) throw new RevisionError(`${file} already exists; run the command again for a new revision id`);
  writeFileSync(file, source);
  return file;
}

export interface GenerateOptions extends AutogenerateOptions {
  message: string;
  /** Diff only: write nothing. */
  dryRun?: boolean;
}

export interface Generated {
  ops: Op[];
  ambiguousRenames: RenameAmbiguity[];
  /** The file written; undefined when there was no change or on a dry run. */
  file?: string;
}

/** `migrate -m`: diffs the database (which must be at head) against the models and writes the migration. */
export async function generateMigration(project: Project, options: GenerateOptions): Promise<Generated> {
  const { message, dryRun, ...compareOptions } = options;
  const diff = await autogenerate(project, compareOptions);
  if (diff.ops.length === 0 || dryRun) return diff;
  return { ...diff, file: await writeMigration(project, { message, parents: diff.parents, upgrade: diff.ops }) };
}
