import type { Op, Schema } from "@driftwood/schema";
import { compare, type RenameAmbiguity } from "./compare/index.ts";
import { editedMessage, explainMissing, unknownRevisionMessage, type MissingObject } from "./diagnose.ts";
import { DriftwoodError, MigrationError, RevisionError } from "./errors.ts";
import type { Project } from "./project.ts";
import type { PlanStep, RevisionGraph } from "./revisions/graph.ts";
import type { Revision } from "./revisions/load.ts";
import { runPlan } from "./runner/online.ts";
import { renderPlan } from "./runner/offline.ts";
import type { AppliedRow } from "./runner/version-table.ts";

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
  const { heads: current, applied } = await project.withConnection((conn) => project.versions.inspect(conn));
  known(project, graph, current, applied);
  const pending = graph.upgradePlan(current, graph.heads).map((s) => s.revision);
  const heads = graph.heads;
  const upToDate = pending.length === 0 && sameSet(current, heads);
  return { current, heads, pending, upToDate, edited: editedRevisions(graph, applied) };
}

export interface RunCallbacks {
  /** Called before each migration runs. */
  onStep?: (step: PlanStep<Revision>) => void;
  /**
   * Runs even when an applied migration's file was edited since it ran, recording the file's
   * checksum as it is now. Without it such a file stops the run before anything changes.
   */
  acceptEdited?: boolean;
  /** Called for each edited file `acceptEdited` accepted. */
  onAcceptEdited?: (revision: Revision) => void;
}

/** Applies migrations up to `target` (`head`, `heads`, `+N`, a revision). Returns the steps that ran. */
export function upgrade(project: Project, target = "head", callbacks: RunCallbacks = {}): Promise<PlanStep<Revision>[]> {
  return run(project, callbacks, (graph, current) => graph.upgradePlan(current, graph.resolve(target, current)));
}

/** Reverts migrations down to `target` (`base`, `-N`, a revision). Returns the steps that ran. */
export function downgrade(project: Project, target: string, callbacks: RunCallbacks = {}): Promise<PlanStep<Revision>[]> {
  return run(project, callbacks, (graph, current) => graph.downgradePlan(current, graph.resolve(target, current)));
}

/**
 * Runs the plan `plan` makes from the version rows read under the lock, once those rows name
 * known revisions and no applied file was edited (or the edit is accepted).
 */
async function run(
  project: Project,
  callbacks: RunCallbacks,
  plan: (graph: RevisionGraph<Revision>, current: string[]) => PlanStep<Revision>[],
): Promise<PlanStep<Revision>[]> {
  const graph = await project.revisions();
  const versions = project.versions;
  return project.withConnection((conn) =>
    runPlan(conn, async (rows) => {
      const applied = await versions.applied(conn);
      const current = known(project, graph, rows, applied);
      const edited = editedRevisions(graph, applied);
      if (edited.length > 0 && !callbacks.acceptEdited) {
        throw new MigrationError(
          `${editedMessage(edited[0]!)}; restore it, or run again with --accept-edited to accept the file as it is now\n${edited.map((r) => `edited: ${r.file}`).join("\n")}`,
        );
      }
      if (edited.length > 0) {
        await conn.transaction(async () => {
          for (const r of edited) await conn.execute(versions.updateChecksum(r.id, r.checksum));
        });
        edited.forEach((r) => callbacks.onAcceptEdited?.(r));
      }
      return plan(graph, current);
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

/** The SQL of one migration's `upgrade` or `downgrade` alone, without the version tables: `show REV --sql`. */
export async function revisionSql(project: Project, spec: string, direction: "upgrade" | "downgrade" = "upgrade"): Promise<string> {
  const graph = await project.revisions();
  const ids = graph.resolve(spec);
  if (ids.length !== 1) throw new RevisionError(`${spec} names ${ids.length} revisions; name exactly one`);
  const revision = graph.get(ids[0]!);
  const parents = graph.headsOf(graph.ancestors(revision.parents));
  const self = graph.headsOf(graph.ancestors([revision.id]));
  const step =
    direction === "upgrade"
      ? { direction, revision, before: parents, after: self }
      : { direction, revision, before: self, after: parents };
  return renderPlan(graph, [step], { dialect: project.dialect, versionTable: project.config.versionTable, bookkeeping: false });
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
        const after = graph.headsOf(graph.ancestors(graph.resolve(target, before.filter((id) => graph.has(id)))));
        const applied = graph.ancestors(after);
        const at = new Date();
        for (const sql of versions.moveRows(before, after)) await conn.execute(sql);
        for (const row of await versions.applied(conn)) {
          if (!applied.has(row.revision)) await conn.execute(versions.forgetApplied(row.revision));
        }
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
  /** The database's schema the ops start from (for rendering their SQL). */
  actual: Schema;
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
  return { ...diff, parents: s.current, actual };
}

/** The database's version rows, checked against the migrations folder. */
function known(project: Project, graph: RevisionGraph<Revision>, current: string[], applied: readonly AppliedRow[]): string[] {
  const unknown = current.filter((id) => !graph.has(id));
  if (unknown.length > 0) throw new RevisionError(unknownRevisionMessage(graph, unknown, applied, project.config.migrations));
  return current;
}

/** Applied revisions whose file no longer has the checksum recorded when it ran. */
function editedRevisions(graph: RevisionGraph<Revision>, applied: readonly AppliedRow[]): Revision[] {
  const checksums = new Map(applied.map((r) => [r.revision, r.checksum]));
  return graph.all().filter((r) => checksums.has(r.id) && checksums.get(r.id) !== r.checksum);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
