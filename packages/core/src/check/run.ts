import type { Op } from "@driftwood/schema";
import { status, type AutogenerateOptions, type Status } from "../api.ts";
import { compare } from "../compare/index.ts";
import { explainMissing, type MissingObject } from "../diagnose.ts";
import { ConfigError } from "../errors.ts";
import type { Project } from "../project.ts";
import { runPlan } from "../runner/online.ts";

export interface Check extends Status {
  /** What the checked database lacks to match the models. */
  ops: Op[];
  /** `database`: the configured one; `shadow`: a scratch one with every migration applied. */
  mode: "database" | "shadow";
  /** The database compared, password masked. */
  target: string;
  /** For each table or column the database lacks, the migration that adds it, if any (`database` mode only). */
  missing: MissingObject[];
}

export interface CheckOptions extends AutogenerateOptions {
  /**
   * Compare a scratch database with every migration applied instead of the configured one:
   * proves the migrations produce the models. The dialect makes it (SQLite in memory, PGlite).
   */
  shadow?: boolean;
  /** Where to make the scratch database instead (a PostgreSQL server URL, a folder); implies `shadow`. */
  shadowUrl?: string;
}

/** Whether the database is at head and matches the models (or, with `shadow`, the migrations do). */
export async function check(project: Project, options: CheckOptions = {}): Promise<Check> {
  const { shadow, shadowUrl, ...compareOptions } = options;
  if (shadow || shadowUrl !== undefined) return checkShadow(project, shadowUrl, compareOptions);
  const s = await status(project);
  const desired = await project.loadModels();
  const { actual, target } = await project.withConnection(async (conn) => ({
    actual: await project.introspect(conn),
    target: conn.target,
  }));
  const { ops } = compare(actual, desired, { capabilities: project.dialect.capabilities, ...compareOptions });
  const missing = await explainMissing(await project.revisions(), s.current, ops);
  return { ...s, ops, mode: "database", target, missing };
}

async function checkShadow(project: Project, at: string | undefined, options: AutogenerateOptions): Promise<Check> {
  const { dialect } = project;
  if (dialect.scratch === undefined) {
    throw new ConfigError(`the ${dialect.name} dialect cannot make a scratch database; run check without --shadow against a database at head`);
  }
  const graph = await project.revisions();
  const desired = await project.loadModels();
  const scratch = await dialect.scratch(at);
  let found: { actual: Awaited<ReturnType<Project["introspect"]>>; target: string };
  try {
    // One connection throughout, so an in-memory database lives for the whole check.
    found = await project.withConnection(async (conn) => {
      await runPlan(conn, (current) => graph.upgradePlan(current, graph.heads), {
        dialect,
        versionTable: project.config.versionTable,
      });
      return { actual: await project.introspect(conn), target: conn.target };
    }, scratch.url);
  } catch (e) {
    // The detail line names the scratch database, so a failure can be traced to the run that made it.
    if (e instanceof Error) e.message += `\nscratch database (dropped): ${scratch.url}`;
    throw e;
  } finally {
    await scratch.drop();
  }
  const { ops } = compare(found.actual, desired, { capabilities: dialect.capabilities, ...options });
  return { current: graph.heads, heads: graph.heads, pending: [], upToDate: true, edited: [], ops, mode: "shadow", target: found.target, missing: [] };
}
