import { basename } from "node:path";
import { applyOp, emptySchema, type Dialect, type Op, type Schema, type Statement } from "@driftwood/schema";
import type { PlanStep, RevisionGraph } from "../revisions/graph.ts";
import type { Revision } from "../revisions/load.ts";
import { MigrationError } from "../errors.ts";
import { recordSteps } from "./recorder.ts";
import { VersionTables } from "./version-table.ts";

export interface OfflineOptions {
  dialect: Dialect;
  versionTable: string;
  /** When the SQL is meant to run; defaults to now. */
  at?: Date;
  /** False leaves out the version tables' statements: just what the migrations do (`show --sql`). */
  bookkeeping?: boolean;
}

/**
 * The SQL a plan would run, without a database: the schema before each op is followed from an
 * empty one through every earlier migration with `applyOp`. One transaction per migration, as
 * online; a statement that cannot run in a transaction sits between them. Data steps need a
 * live database and are written as comments.
 */
export async function renderPlan(
  graph: RevisionGraph<Revision>,
  plan: PlanStep<Revision>[],
  options: OfflineOptions,
): Promise<string> {
  const { dialect } = options;
  const versions = new VersionTables(dialect, options.versionTable);
  const at = options.at ?? new Date();
  let state = emptySchema(dialect.name);
  const start = plan[0]?.before ?? [];
  for (const rev of graph.range([], start)) state = await follow(state, rev);

  const out: string[] = [];
  const emit = (sql: string) => out.push(`${sql};`);
  const bookkeeping = options.bookkeeping ?? true;
  if (bookkeeping && plan[0]?.direction === "upgrade") versions.create().forEach(emit);
  for (const step of plan) {
    const { revision } = step;
    out.push("", `-- ${step.direction === "upgrade" ? "Running upgrade" : "Running downgrade"} ${step.before.join(", ") || "<base>"} -> ${step.after.join(", ") || "<base>"}: ${revision.message} (${basename(revision.file)})`);
    let inTransaction = false;
    const statement = (s: Statement) => {
      const transactional = s.transactional !== false;
      if (transactional !== inTransaction) emit(transactional ? "BEGIN" : "COMMIT");
      inTransaction = transactional;
      emit(s.sql);
    };
    for (const item of await recordSteps((op) => revision.module[step.direction](op))) {
      if (item.kind === "data") {
        out.push(`-- data step ${JSON.stringify(item.description ?? "(no description)")} runs only online: run the command without --sql`);
        continue;
      }
      try {
        dialect.render(item.op, state).forEach(statement);
        state = applyOp(state, item.op);
      } catch (e) {
        throw new MigrationError(
          `cannot render ${item.op.kind} of ${revision.file} as SQL offline: ${(e as Error).message}; raw SQL earlier in the plan may have made what it needs, so run it online`,
        );
      }
    }
    if (bookkeeping) versions.bookkeeping(step, revision, at).forEach((sql) => statement({ sql }));
    if (inTransaction) emit("COMMIT");
  }
  return `${out.join("\n").trim()}\n`;
}

/** The schema after `rev`'s upgrade; raw SQL and data steps leave the model as it was. */
async function follow(state: Schema, rev: Revision): Promise<Schema> {
  for (const item of await recordSteps((op) => rev.module.upgrade(op))) {
    if (item.kind === "op") state = applyOp(state, item.op);
  }
  return state;
}

/**
 * The SQL of `ops` run on a database whose schema is `before` (`migrate --dry-run`), one
 * statement a line; a statement that cannot run in a transaction is marked so.
 */
export function renderOps(dialect: Dialect, ops: readonly Op[], before: Schema): string {
  const out: string[] = [];
  let state = before;
  for (const op of ops) {
    for (const s of dialect.render(op, state)) {
      out.push(`${s.sql};${s.transactional === false ? " -- outside a transaction" : ""}`);
    }
    state = applyOp(state, op);
  }
  return out.join("\n");
}
