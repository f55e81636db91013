import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { invertAll, type Op } from "@driftwood/schema";
import {
  autogenerate,
  ConfigError,
  DriftwoodError,
  formatAmbiguity,
  hazardsOfOps,
  renderOps,
  RenameError,
  RevisionError,
  type AutogenerateOptions,
  type Hazard,
  type Project,
  type RenameAmbiguity,
} from "@driftwood/core";
import { runPostWriteHooks } from "./hooks.ts";

/** A new revision id: 12 hex characters. */
export function newRevisionId(): string {
  return randomBytes(6).toString("hex");
}

export interface NewMigration {
  message: string;
  parents: string[];
  /** Omitted for an empty migration (`revision`, `merge`). */
  upgrade?: Op[];
  /** The revision id instead of a random one (Alembic's `--rev-id`). */
  revision?: string;
  /** ISO 8601; default now. */
  createdAt?: string;
}

export interface WrittenMigration {
  file: string;
  /** One line per post-write hook that failed; the file stays as generated. */
  hookFailures: string[];
}

/**
 * Writes a migration file into the project's migrations folder (through its
 * `script.ts.template` when it has one), then runs the config's post-write hooks.
 */
export async function writeMigration(project: Project, migration: NewMigration): Promise<WrittenMigration> {
  // ts-morph is heavy: only the commands that write a file load it.
  const { renderEmptyMigrationFile, renderMigrationFile, slugify, TEMPLATE_FILE, TemplateError } = await import("@driftwood/codegen");
  const dir = project.config.migrations;
  const revision = migration.revision ?? newRevisionId();
  if (!/^[A-Za-z0-9_]+$/.test(revision)) {
    throw new ConfigError(`revision id ${JSON.stringify(revision)} is not usable in a file name; use letters, digits and _ only`);
  }
  if (["base", "head", "heads"].includes(revision)) {
    throw new ConfigError(`revision id ${revision} is a reserved word (base, head, heads); pick another --rev-id`);
  }
  if ((await project.revisions()).has(revision)) {
    throw new RevisionError(`revision ${revision} already exists in ${dir}; pick another --rev-id`);
  }
  const templateFile = join(dir, TEMPLATE_FILE);
  const template = existsSync(templateFile) ? { text: readFileSync(templateFile, "utf8"), file: templateFile } : undefined;
  const header = { revision, parents: migration.parents, message: migration.message, createdAt: migration.createdAt ?? new Date().toISOString() };
  let source: string;
  try {
    source = migration.upgrade
      ? renderMigrationFile({ ...header, upgrade: migration.upgrade, downgrade: invertAll(migration.upgrade) }, template)
      : renderEmptyMigrationFile(header, template);
  } catch (e) {
    throw e instanceof TemplateError ? new ConfigError(e.message) : e;
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${revision}_${slugify(migration.message)}.ts`);
  if (existsSync(file)) throw new RevisionError(`${file} already exists; run the command again for a new revision id`);
  writeFileSync(file, source);
  return { file, hookFailures: await runPostWriteHooks(project.config.postWrite, file, project.config.root) };
}

/** Picks one of `a.candidates` to rename, or undefined to drop and add. */
export type RenameChooser = (a: RenameAmbiguity) => Promise<string | undefined>;

export interface GenerateOptions extends AutogenerateOptions {
  message: string;
  /** Diff only: write nothing. Ambiguous renames are then left as drop and add. */
  dryRun?: boolean;
  /** The revision id instead of a random one (Alembic's `--rev-id`). */
  revision?: string;
  createdAt?: string;
  /**
   * Renames that could be meant more than one way: `fail` (the default) throws a `RenameError`
   * naming every candidate and writes nothing; `drop-and-add` drops and adds them; a function
   * is asked for each (a terminal prompt).
   */
  ambiguousRenames?: "fail" | "drop-and-add" | RenameChooser;
  /** Hazard kinds that make it throw `HazardError` instead of writing (`HAZARD_KINDS` for all). */
  failOnHazard?: readonly Hazard["kind"][];
}

export interface Generated extends Partial<WrittenMigration> {
  ops: Op[];
  /** Possible renames left as drop and add. */
  ambiguousRenames: RenameAmbiguity[];
  /** The hazards of the upgrade, in op order. */
  hazards: Hazard[];
  /** The file written; undefined when there was no change or on a dry run. */
  file?: string;
  /** On a dry run, the SQL the migration would run on the database as it is. */
  sql?: string;
}

/** The migration has hazards its caller refused; nothing was written. */
export class HazardError extends DriftwoodError {}

/** `migrate -m`: diffs the database (which must be at head) against the models and writes the migration. */
export async function generateMigration(project: Project, options: GenerateOptions): Promise<Generated> {
  const { message, dryRun, revision, createdAt, failOnHazard, ambiguousRenames, ...compareOptions } = options;
  const policy = dryRun ? "drop-and-add" : (ambiguousRenames ?? "fail");
  const diff = await settleRenames(project, compareOptions, policy);
  const hazards = hazardsOfOps(diff.ops).flat();
  const forbidden = hazards.filter((h) => failOnHazard?.includes(h.kind));
  if (forbidden.length > 0) {
    const kinds = [...new Set(forbidden.map((h) => h.kind))].join(", ");
    throw new HazardError(
      `the migration has ${forbidden.length} hazard${forbidden.length > 1 ? "s" : ""} of a refused kind (${kinds}); nothing written: review with --dry-run, change the models, or allow the kind\n` +
        forbidden.map((h) => `  ${h.kind}: ${h.message}`).join("\n"),
    );
  }
  const result = { ops: diff.ops, ambiguousRenames: diff.ambiguousRenames, hazards };
  if (dryRun) return { ...result, sql: renderOps(project.dialect, diff.ops, diff.actual) };
  if (diff.ops.length === 0) return result;
  return { ...result, ...(await writeMigration(project, { message, parents: diff.parents, upgrade: diff.ops, revision, createdAt })) };
}

/** The diff, after each ambiguous rename was failed on, left alone, or decided by the chooser. */
async function settleRenames(project: Project, options: AutogenerateOptions, policy: NonNullable<GenerateOptions["ambiguousRenames"]>) {
  const explicitRenames = [...(options.explicitRenames ?? [])];
  const declined = new Set<string>();
  for (;;) {
    const diff = await autogenerate(project, { ...options, explicitRenames });
    const open = diff.ambiguousRenames.filter((a) => !declined.has(a.candidates.join()));
    if (open.length === 0 || policy === "drop-and-add") return diff;
    if (policy === "fail") {
      throw new RenameError([`${formatAmbiguity(open[0]!)}; nothing written`, ...open.slice(1).map(formatAmbiguity)].join("\n"));
    }
    const choice = await policy(open[0]!);
    if (choice === undefined) declined.add(open[0]!.candidates.join());
    else explicitRenames.push(choice);
  }
}
