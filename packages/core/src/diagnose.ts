import { basename } from "node:path";
import { qualifiedKey, type Op } from "@driftwood/schema";
import type { RevisionGraph } from "./revisions/graph.ts";
import type { Revision } from "./revisions/load.ts";
import { recordSteps } from "./runner/recorder.ts";
import type { AppliedRow } from "./runner/version-table.ts";

/**
 * What to tell a user whose database names revisions no migration file defines: what the
 * database claims, the known revisions nearest to it (a shared id prefix, the heads, the last
 * ones the applied table recorded) and the fix, `stamp`. First line as `known` errors have it.
 */
export function unknownRevisionMessage(
  graph: RevisionGraph<Revision>,
  unknown: readonly string[],
  applied: readonly AppliedRow[],
  migrations: string,
): string {
  const lines = [
    `the database is at revision ${unknown.join(", ")}, which no file in ${migrations} defines; restore that migration or \`driftwood stamp\` the database`,
  ];
  for (const id of unknown) {
    const near = graph.order
      .map((known) => ({ known, shared: commonPrefix(id, known) }))
      .filter((n) => n.shared >= 3)
      .sort((a, b) => b.shared - a.shared || a.known.localeCompare(b.known))
      .map((n) => n.known);
    lines.push(`the database claims: ${id}`, `  same prefix: ${near.length > 0 ? near.join(", ") : "none"}`);
  }
  lines.push(`  heads of the migrations folder: ${graph.heads.join(", ") || "none (no migrations)"}`);
  const recent = [...applied].sort((a, b) => b.appliedAt.localeCompare(a.appliedAt)).slice(0, 5);
  if (recent.length > 0) {
    lines.push(
      `  last applied: ${recent.map((r) => `${r.revision}${graph.has(r.revision) ? "" : " (no file)"} at ${r.appliedAt}`).join(", ")}`,
    );
  }
  const suggestion = recent.find((r) => graph.has(r.revision))?.revision ?? (graph.heads.length === 1 ? graph.heads[0] : undefined);
  lines.push(
    suggestion
      ? `fix: restore the missing file from version control, or, if the database's schema is that of ${suggestion}, run \`driftwood stamp ${suggestion}\``
      : "fix: restore the missing file from version control, or run `driftwood stamp REV` with the revision whose schema the database has",
  );
  return lines.join("\n");
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The warning for a migration file edited after it was applied. */
export function editedMessage(rev: Revision): string {
  return `${rev.file} (revision ${rev.id}) was edited after it was applied: never edit an applied migration: create a new one`;
}

/** Why the database lacks a table or column the models have. */
export interface MissingObject {
  /** `schema.table` or `table`. */
  table: string;
  /** Undefined when the whole table is missing. */
  column?: string;
  /** The last migration that adds it, if any. */
  revision?: Revision;
  /** Whether that migration is applied to the database. */
  applied: boolean;
  /** One line: what is missing and what to do. */
  message: string;
}

/**
 * For every table or column `ops` (a `check` diff, database → models) adds, whether a migration
 * adds it: "migration R adds it but the database is not at head" tells a user to upgrade,
 * "no migration adds it" to write one.
 */
export async function explainMissing(
  graph: RevisionGraph<Revision>,
  current: readonly string[],
  ops: readonly Op[],
): Promise<MissingObject[]> {
  const wanted = ops.flatMap((op) =>
    op.kind === "addColumn"
      ? [{ table: qualifiedKey({ schema: op.schema, name: op.table }), column: op.column.name as string | undefined }]
      : op.kind === "createTable"
        ? [{ table: qualifiedKey(op.table), column: undefined }]
        : [],
  );
  if (wanted.length === 0) return [];
  const adders = new Map<string, Revision>();
  for (const rev of graph.all()) {
    for (const step of await recordSteps((op) => rev.module.upgrade(op))) {
      if (step.kind === "op") for (const key of addedBy(step.op)) adders.set(key, rev);
    }
  }
  const applied = graph.ancestors(current);
  return wanted.map(({ table, column }) => {
    const what = column === undefined ? `table ${table}` : `column ${table}.${column}`;
    const revision = adders.get(column === undefined ? table : `${table}.${column}`);
    const isApplied = revision !== undefined && applied.has(revision.id);
    const message =
      revision === undefined
        ? `the database lacks ${what} and no migration adds it: run \`driftwood migrate -m MESSAGE\` to write one`
        : isApplied
          ? `the database lacks ${what}, which migration ${revision.id} (${basename(revision.file)}) adds and is recorded as applied: it was removed by hand; restore it, or write a migration that adds it again`
          : `the database lacks ${what}: migration ${revision.id} (${basename(revision.file)}) adds it but the database is not at head: run \`driftwood upgrade\``;
    return { table, column, revision, applied: isApplied, message };
  });
}

/** The `table` and `table.column` keys an op brings into existence. */
function addedBy(op: Op): string[] {
  switch (op.kind) {
    case "createTable": {
      const table = qualifiedKey(op.table);
      return [table, ...op.table.columns.map((c) => `${table}.${c.name}`)];
    }
    case "addColumn":
      return [`${qualifiedKey({ schema: op.schema, name: op.table })}.${op.column.name}`];
    case "renameColumn":
      return [`${qualifiedKey({ schema: op.schema, name: op.table })}.${op.to}`];
    case "renameTable":
      return [qualifiedKey({ schema: op.schema, name: op.to })];
    default:
      return [];
  }
}
