/**
 * driftwood for applications: run migrations at start-up, ask what is pending, or build your
 * own commands from the same pieces the CLI uses.
 *
 *     import { migrate } from "driftwood";
 *     await migrate({ config: "./driftwood.config.ts", to: "head" });
 */
import { Project, status, upgrade, type ProjectOptions, type RunCallbacks } from "@driftwood/core";
import { toolkit } from "./toolkit.ts";

export {
  defineConfig,
  status,
  upgrade,
  downgrade,
  renderSql,
  stamp,
  autogenerate,
  check,
  checkReport,
  formatCheckText,
  formatCheckGithub,
  tableSources,
  describeOps,
  HAZARD_KINDS,
  ConfigError,
  DriftwoodError,
  MigrationError,
  RevisionError,
  type Check,
  type CheckOptions,
  type CheckReport,
  type CheckDifference,
  type DriftwoodConfig,
  type Hazard,
  type IncludeObject,
  type Project,
  type ProjectOptions,
  type Revision,
  type Status,
} from "@driftwood/core";
export type { MigrationDb, MigrationModule, MigrationOps, Op, Schema } from "@driftwood/schema";
export {
  generateMigration,
  writeMigration,
  newRevisionId,
  HazardError,
  type GenerateOptions,
  type Generated,
  type NewMigration,
  type RenameChooser,
  type WrittenMigration,
} from "./generate.ts";

/** Loads the config (a path, an object, or found in `cwd`) and its dialect. */
export function openProject(options: ProjectOptions = {}): Promise<Project> {
  return Project.open(options, toolkit);
}

/** Upgrades the database to `to` (default `head`); returns the revisions applied. */
export async function migrate(options: ProjectOptions & RunCallbacks & { to?: string } = {}): Promise<string[]> {
  const project = await openProject(options);
  const steps = await upgrade(project, options.to ?? "head", options);
  return steps.map((s) => s.revision.id);
}

/** The revisions not applied yet, parents first. */
export async function pending(options: ProjectOptions = {}): Promise<{ revision: string; message: string; file: string }[]> {
  const s = await status(await openProject(options));
  return s.pending.map((r) => ({ revision: r.id, message: r.message, file: r.file }));
}
