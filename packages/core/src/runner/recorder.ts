import { OP_ORDER, type MigrationDb, type MigrationOps, type Op } from "@driftwood/schema";

/** One thing a migration does: a schema op, or a data step that needs a live database. */
export type Step =
  | { kind: "op"; op: Op }
  | { kind: "data"; run: (db: MigrationDb) => Promise<void>; description?: string };

const KINDS = new Set<string>(OP_ORDER);

/**
 * Runs a migration's `upgrade` or `downgrade` against a recording `op` object, so the runner
 * (or `--sql`) gets the list of what it does before anything touches the database.
 */
export async function recordSteps(fn: (op: MigrationOps) => void | Promise<void>): Promise<Step[]> {
  const steps: Step[] = [];
  const op = new Proxy({} as MigrationOps, {
    get(_, name) {
      if (name === "execute") {
        return (sql: string, reverse?: string) =>
          steps.push({ kind: "op", op: reverse === undefined ? { kind: "execute", sql } : { kind: "execute", sql, reverse } });
      }
      if (name === "run") {
        return (run: (db: MigrationDb) => Promise<void>, description?: string) => steps.push({ kind: "data", run, description });
      }
      if (typeof name === "string" && KINDS.has(name)) {
        return (payload: object) => steps.push({ kind: "op", op: { ...payload, kind: name } as Op });
      }
      throw new TypeError(`op.${String(name)} is not a migration operation; known: ${[...KINDS, "run"].join(", ")}`);
    },
  });
  await fn(op);
  return steps;
}
