import { isAbsolute, relative } from "node:path";
import { opTable, qualifiedKey } from "@driftwood/schema";
import { hazardsOfOps, type Hazard } from "../hazards.ts";
import type { Revision } from "../revisions/load.ts";
import { differencesOf, type Difference } from "./differences.ts";
import type { Check } from "./run.ts";
import type { SourceLocation } from "./sources.ts";

/** A revision as the report names it. */
export interface CheckRevision {
  id: string;
  message: string;
  /** Relative to the folder the command ran in, when inside it. */
  file: string;
}

/** A difference, with where the models declare its table when that is known. */
export interface CheckDifference extends Difference {
  file?: string;
  line?: number;
  /**
   * For a table or column the database lacks (`database` mode): the migration that adds it, and
   * whether the database records it as applied (then the object was removed by hand).
   */
  migration?: { id: string; file: string; applied: boolean };
}

/** A hazard of the change that would repair the differences (the migration `migrate` would write). */
export interface CheckHazard {
  kind: Hazard["kind"];
  message: string;
  schema?: string;
  table?: string;
}

/** `check --json`: documented in docs/check-json.md. `version` changes only when a field does. */
export interface CheckReport {
  version: 1;
  /** `clean` exactly when the command exits 0. */
  status: "clean" | "drift";
  /** Why it is not clean: the database is behind the migrations, or differs from the models. */
  reasons: ("behind" | "differs")[];
  mode: "database" | "shadow";
  /** The database compared (password masked); for `shadow`, the scratch one. */
  target: string;
  revision: {
    /** The revisions the database is at (for `shadow`: the heads, all applied). */
    current: string[];
    heads: string[];
    upToDate: boolean;
    pending: CheckRevision[];
    /** Applied migrations edited since they ran. */
    edited: CheckRevision[];
  };
  differences: CheckDifference[];
  hazards: CheckHazard[];
  /** What to run, in order; empty when clean. */
  commands: string[];
}

export interface ReportOptions {
  /** Where the models declare each table (by `qualifiedKey`). */
  sources?: ReadonlyMap<string, SourceLocation>;
  /** Paths are shown relative to this folder; default the current one. */
  cwd?: string;
}

/** The check result as a plain, stable object: what `--json` prints and the text and GitHub forms read. */
export function checkReport(check: Check, options: ReportOptions = {}): CheckReport {
  const cwd = options.cwd ?? process.cwd();
  const path = (file: string) => {
    const r = relative(cwd, file);
    return r.startsWith("..") || isAbsolute(r) ? file : r;
  };
  const revision = (r: Revision): CheckRevision => ({ id: r.id, message: r.message, file: path(r.file) });
  const differences = differencesOf(check.ops).map((d): CheckDifference => {
    const table = d.table === undefined ? undefined : qualifiedKey({ schema: d.schema, name: d.table });
    const source = table === undefined ? undefined : options.sources?.get(table);
    const found = d.kind === "missing" ? check.missing.find((m) => m.table === table && m.column === d.column) : undefined;
    return {
      ...d,
      ...(source ? { file: path(source.file), ...(source.line === undefined ? {} : { line: source.line }) } : {}),
      ...(found?.revision ? { migration: { id: found.revision.id, file: path(found.revision.file), applied: found.applied } } : {}),
    };
  });
  const hazards = hazardsOfOps(check.ops).flatMap((list, i) => {
    const t = opTable(check.ops[i]!);
    return list.map((h): CheckHazard => ({ kind: h.kind, message: h.message, ...(t?.schema === undefined ? {} : { schema: t.schema }), ...(t ? { table: t.name } : {}) }));
  });
  const reasons: CheckReport["reasons"] = [];
  if (!check.upToDate) reasons.push("behind");
  if (differences.length > 0) reasons.push("differs");
  // Behind head, part of the difference may be what the pending migrations add: upgrade, then look again.
  const commands = !check.upToDate
    ? ["driftwood upgrade", "driftwood check"]
    : differences.length > 0
      ? ['driftwood migrate -m "MESSAGE"']
      : [];
  return {
    version: 1,
    status: reasons.length === 0 ? "clean" : "drift",
    reasons,
    mode: check.mode,
    target: check.target,
    revision: {
      current: check.current,
      heads: check.heads,
      upToDate: check.upToDate,
      pending: check.pending.map(revision),
      edited: check.edited.map(revision),
    },
    differences,
    hazards,
    commands,
  };
}
