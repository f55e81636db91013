import { applyOp, type Connection, type Dialect, type Schema, type Statement } from "@driftwood/schema";
import type { PlanStep } from "../revisions/graph.ts";
import type { Revision } from "../revisions/load.ts";
import { MigrationError } from "../errors.ts";
import { recordSteps, type Step } from "./recorder.ts";
import { VersionTables } from "./version-table.ts";

export interface RunOptions {
  dialect: Dialect;
  versionTable: string;
  /** Called before each migration runs. */
  onStep?: (step: PlanStep<Revision>) => void;
}

/**
 * Runs `plan(current rows)` on `conn` under the migration lock. The plan is computed from the
 * version rows read under that lock, so two processes never run the same migration. Returns
 * the steps that ran.
 */
export async function runPlan(
  conn: Connection,
  plan: (current: string[]) => PlanStep<Revision>[] | Promise<PlanStep<Revision>[]>,
  options: RunOptions,
): Promise<PlanStep<Revision>[]> {
  const versions = new VersionTables(options.dialect, options.versionTable);
  return conn.withLock(async () => {
    await versions.ensure(conn);
    const steps = await plan(await versions.read(conn));
    const ran: PlanStep<Revision>[] = [];
    for (const step of steps) {
      options.onStep?.(step);
      if (await runStep(conn, step, versions, options.dialect)) ran.push(step);
    }
    return ran;
  });
}

/**
 * One migration in one transaction: re-read the version rows (another process may have run it),
 * run its ops in order with the schema tracked from the live database, record it. A statement
 * that PostgreSQL refuses inside a transaction commits what came before and runs on its own.
 * Returns false when the migration had already been applied.
 */
async function runStep(conn: Connection, step: PlanStep<Revision>, versions: VersionTables, dialect: Dialect): Promise<boolean> {
  const { revision } = step;
  const steps = await recordSteps((op) => revision.module[step.direction](op));
  /** Whether part of the migration was committed to run a non-transactional statement. */
  let committed = false;
  const fail = (statement: string, e: unknown): never => {
    const message = String((e as Error)?.message ?? e).split("\n")[0];
    throw new MigrationError(
      `${step.direction} ${revision.id} failed in ${revision.file}: ${message}; ${
        committed
          ? "what ran before its first non-transactional statement stays committed: undo it by hand, fix the migration and run again"
          : "it was rolled back, fix the migration and run again"
      }\nstatement: ${statement}`,
      { cause: e },
    );
  };
  const introspect = async () => dialect.normalize(await conn.introspect());
  let pending: Statement[] = [];
  let next = 0;
  let state: Schema | undefined;
  let started = false;
  for (;;) {
    const outcome = await conn.transaction(async (): Promise<"skip" | "done" | "outside"> => {
      if (!started) {
        started = true;
        const rows = await versions.read(conn);
        if (rows.includes(revision.id) === (step.direction === "upgrade")) return "skip";
        if (!sameRows(rows, step.before)) {
          throw new MigrationError(
            `the version table changed while ${revision.file} was waiting to run; run the command again`,
          );
        }
      }
      state ??= await introspect();
      for (;;) {
        while (pending.length > 0) {
          if (pending[0]!.transactional === false) return "outside";
          const s = pending.shift()!;
          await conn.execute(s.sql).catch((e) => fail(s.sql, e));
        }
        if (next === steps.length) break;
        const item: Step = steps[next++]!;
        if (item.kind === "data") {
          await item.run(conn).catch((e) => fail(`data step ${item.description ?? "(no description)"}`, e));
          state = await introspect();
        } else if (item.op.kind === "execute") {
          const sql = item.op.sql;
          await conn.execute(sql).catch((e) => fail(sql, e));
          state = await introspect();
        } else {
          const op = item.op;
          try {
            pending = dialect.render(op, state);
            state = applyOp(state, op);
          } catch (e) {
            fail(`op.${op.kind}(${JSON.stringify(op).slice(0, 200)})`, e);
          }
        }
      }
      for (const sql of versions.bookkeeping(step, revision, new Date())) {
        await conn.execute(sql).catch((e) => fail(sql, e));
      }
      return "done";
    }).catch((e) => (e instanceof MigrationError ? Promise.reject(e) : fail("COMMIT", e)));
    if (outcome === "skip") return false;
    if (outcome === "done") return true;
    committed = true;
    while (pending[0]?.transactional === false) {
      const s = pending.shift()!;
      await conn.execute(s.sql).catch((e) => fail(s.sql, e));
    }
  }
}

function sameRows(a: readonly string[], b: readonly string[]): boolean {
  const sb = [...b].sort();
  return a.length === b.length && [...a].sort().every((x, i) => x === sb[i]);
}
