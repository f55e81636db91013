import type { Op } from "@driftwood/schema";
import { compare, type RenameAmbiguity } from "./compare/index.ts";
import { DriftwoodError, RevisionError } from "./errors.ts";
import type { Project } from "./project.ts";
import type { PlanStep, RevisionGraph } from "./revisions/graph.ts";
import type { Revision } from "./revisions/load.ts";
import { runPlan } from "./runner/online.ts";
import { renderPlan } from "./runner/offline.ts";

/** Where the database stands against the migrations folder. */
export interface Status {
  /** The database's version rows: its applied heads. */
  current: string[];
  /** The migrations folder's heads. */
  heads: string[];
  /** Revisions not applied yet, parents first. */
  pending: Revision[];
  upToDate: boolean;
  /** Applied revisions whose file changed after they ran (by the checksum recorded then). */
  edited: Revision[];
}

export async function status(project: Project): Promise<Status> {
  const graph = await project.revisions();
  const { heads: current, checksums } = await project.withConnection((conn) => project.versions.inspect(conn));
  known(project, graph, current);
  const pending = graph.upgradePlan(current, graph.heads).map((s) => s.revision);
  const heads = graph.heads;
  const upToDate = pending.length === 0 && sameSet(current, heads);
  const edited = graph.all().filter((r) => checksums.has(r.id) && checksums.get(r.id) !== r.checksum);
  return { current, heads, pending, upToDate, edited };
}

export interface RunCallbacks {
  /** Called before each migration runs. */
  onStep?: (step: PlanStep<Revision>) => void;
}

/** Applies migrations up to `target` (`head`, `heads`, `+N`, a revision). Returns the steps that ran. */
export async function upgrade(project: Project, target = "head", callbacks: RunCallbacks = {}): Promise<PlanStep<Revision>[]> {
  const graph = await project.revisions();
  return project.withConnection((conn) =>
    runPlan(conn, (rows) => {
      const current = known(project, graph, rows);
      return graph.upgradePlan(current, graph.resolve(target, current));
    }, {
      dialect: project.dialect,
      versionTable: project.config.versionTable,
      onStep: callbacks.onStep,
    }),
  );
}

/** Reverts migrations down to `target` (`base`, `-N`, a revision). Returns the steps that ran. */
export async function downgrade(project: Project, target: string, callbacks: RunCallbacks = {}): Promise<PlanStep<Revision>[]> {
  const graph = await project.revisions();
  return project.withConnection((conn) =>
    runPlan(conn, (rows) => {
      const current = known(project, graph, rows);
      return graph.downgradePlan(current, graph.resolve(target, current));
    }, {
      dialect: project.dialect,
      versionTable: project.config.versionTable,
      onStep: callbacks.onStep,
    }),
  );
}

/**
 * The SQL of an upgrade or downgrade without a database. `range` is `FROM:TO` or just `TO`
 * (an upgrade then starts at base, a downgrade at the heads).
 */
export async function renderSql(project: Project, direction: "upgrade" | "downgrade", range: string): Promise<string> {
  const graph = await project.revisions();
  const [from, to] = range.includes(":") ? range.split(":", 2) : [undefined, range];
  const start = from === undefined || from === "" ? (direction === "upgrade" ? [] : graph.heads) : graph.resolve(from);
  const targets = graph.resolve(to!, start);
  const plan = direction === "upgrade" ? graph.upgradePlan(start, targets) : graph.downgradePlan(start, targets);
  return renderPlan(graph, plan, { dialect: project.dialect, versionTable: project.config.versionTable });
}

/** Sets the version rows to `target` without running any migration. */
export async function stamp(project: Project, target: string): Promise<{ before: string[]; after: string[] }> {
  const graph = await project.revisions();
  const versions = project.versions;
  return project.withConnection((conn) =>
    conn.withLock(async () => {
      await versions.ensure(conn);
      return conn.transaction(async () => {
        const before = await versions.read(conn);
        const after = graph.headsOf(graph.ancestors(graph.resolve(target, before)));
        const applied = graph.ancestors(after);
        const at = new Date();
        for (const sql of versions.moveRows(before, after)) await conn.execute(sql);
        for (const id of graph.ancestors(before)) if (!applied.has(id)) await conn.execute(versions.forgetApplied(id));
        for (const id of applied) {
          await conn.execute(versions.forgetApplied(id));
          await conn.execute(versions.recordApplied(id, graph.get(id).checksum, at));
        }
        return { before, after };
      });
    }),
  );
}

export interface AutogenerateOptions {
  renames?: "infer" | "none";
  explicitRenames?: string[];
}

export interface Autogenerate {
  /** What turns the database into the models, in execution order. */
  ops: Op[];
  ambiguousRenames: RenameAmbiguity[];
  /** The revisions a new migration follows: the current heads. */
  parents: string[];
}

/**
 * Diffs the database against the models. Refuses, like Alembic, when the database is not at
 * head: a migration written from a stale database would repeat what is pending.
 */
export async function autogenerate(project: Project, options: AutogenerateOptions = {}): Promise<Autogenerate> {
  const s = await status(project);
  if (s.heads.length > 1) {
    throw new RevisionError(
      `the migrations have ${s.heads.length} heads (${s.heads.join(", ")}); join them first with \`driftwood merge -m MESSAGE\` and upgrade`,
    );
  }
  if (!s.upToDate) {
    throw new DriftwoodError(
      `target database is not up to date: it is at ${s.current.join(", ") || "base"}, the migrations' head is ${s.heads.join(", ")}; run \`driftwood upgrade\` first`,
    );
  }
  const desired = await project.loadModels();
  const actual = await project.withConnection((conn) => project.introspect(conn));
  const diff = compare(actual, desired, { capabilities: project.dialect.capabilities, ...options });
  return { ...diff, parents: s.current };
}

export interface Check extends Status {
  /** What the database lacks to match the models. */
  ops: Op[];
}

export interface CheckOptions extends AutogenerateOptions {
  /**
   * An empty scratch database (`:memory:`, `pglite://memory`, a URL) to apply every migration
   * to and compare instead of the live one: proves the migrations produce the models.
   */
  shadow?: string;
}

/** Whether the database is at head and matches the models. */
export async function check(project: Project, options: CheckOptions = {}): Promise<Check> {
  const { shadow, ...compareOptions } = options;
  if (shadow !== undefined) return checkShadow(project, shadow, compareOptions);
  const s = await status(project);
  const desired = await project.loadModels();
  const actual = await project.withConnection((conn) => project.introspect(conn));
  const { ops } = compare(actual, desired, { capabilities: project.dialect.capabilities, ...compareOptions });
  return { ...s, ops };
}

async function checkShadow(project: Project, url: string, options: AutogenerateOptions): Promise<Check> {
  const graph = await project.revisions();
  const desired = await project.loadModels();
  // One connection throughout, so an in-memory database lives for the whole check.
  const actual = await project.withConnection(async (conn) => {
    if ((await conn.introspect()).tables.length > 0) {
      throw new DriftwoodError(`shadow database ${conn.target} is not empty; give --shadow an empty scratch database`);
    }
    await runPlan(conn, (current) => graph.upgradePlan(current, graph.heads), {
      dialect: project.dialect,
      versionTable: project.config.versionTable,
    });
    return project.introspect(conn);
  }, url);
  const { ops } = compare(actual, desired, { capabilities: project.dialect.capabilities, ...options });
  return { current: graph.heads, heads: graph.heads, pending: [], upToDate: true, edited: [], ops };
}

/** The database's version rows, checked against the migrations folder. */
function known(project: Project, graph: RevisionGraph<Revision>, current: string[]): string[] {
  for (const id of current) {
    if (!graph.has(id)) {
      throw new RevisionError(
        `the database is at revision ${id}, which no file in ${project.config.migrations} defines; restore that migration or \`driftwood stamp\` the database`,
      );
    }
  }
  return current;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
