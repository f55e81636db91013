import type { Op } from "@driftwood/schema";
import { hazardsOfOps, type Hazard } from "@driftwood/core";
import { MAX_WIDTH, renderLiteral } from "./literal.ts";
import { summarize } from "./summary.ts";
import { DEFAULT_TEMPLATE, fillTemplate, type Template } from "./template.ts";

/** What a migration file records about itself. */
export interface MigrationHeader {
  revision: string;
  /** Empty for the first migration; two or more for a merge. */
  parents: string[];
  message: string;
  /** ISO 8601 date and time. */
  createdAt: string;
}

export interface MigrationFile extends MigrationHeader {
  upgrade: Op[];
  /** Usually `invertAll(upgrade)`. */
  downgrade: Op[];
}

/**
 * The source of a migration file: its header, then `upgrade` and `downgrade` as one
 * `op.<kind>(payload)` call per op, each preceded by comments on its hazards. The same input
 * always gives the same bytes.
 */
export function renderMigrationFile(m: MigrationFile, template?: Template): string {
  const body = (ops: Op[], direction: "upgrade" | "downgrade") => (indent: number) => opLines(ops, direction, indent);
  return render(m, summarize(m.upgrade), body(m.upgrade, "upgrade"), body(m.downgrade, "downgrade"), template);
}

/** A migration file with nothing in it yet, for changes written by hand. */
export function renderEmptyMigrationFile(m: MigrationHeader, template?: Template): string {
  const body = () => ['// write the migration here, e.g. op.execute("...")'];
  return render(m, [], body, body, template);
}

const HAZARD_LABELS: Record<Hazard["kind"], string> = {
  "data-loss": "data loss",
  "not-null-without-default": "not null",
  "table-rewrite": "table rewrite",
  lock: "lock",
  "irreversible-data": "irreversible",
};

/**
 * The body of `upgrade` or `downgrade`. What a downgrade cannot undo, and how to turn an
 * inferred rename into drop and add, are said in the upgrade only: that is where a reviewer decides.
 */
function opLines(ops: readonly Op[], direction: "upgrade" | "downgrade", indent: number): string[] {
  const hazards = hazardsOfOps(ops);
  const shown = (h: Hazard) => direction === "upgrade" || h.kind !== "irreversible-data";
  return ops.flatMap((op, i) => [
    ...hazards[i].filter(shown).map((h) => `// ${HAZARD_LABELS[h.kind]}: ${oneLine(h.message)}`),
    ...(direction === "upgrade" && isInferred(op) ? [INFERRED_NOTE] : []),
    call(op, indent),
  ]);
}

const INFERRED_NOTE =
  "// inferred rename (same shape): to drop and add instead, generate again with --no-rename or replace this line";

function isInferred(op: Op): boolean {
  return (op.kind === "renameTable" || op.kind === "renameColumn") && op.inferred === true;
}

function call(op: Op, indent: number): string {
  if (op.kind === "execute") {
    const args = op.reverse === undefined ? [op.sql] : [op.sql, op.reverse];
    return `op.execute(${args.map((a) => JSON.stringify(a)).join(", ")});`;
  }
  const { kind, ...payload } = op;
  const head = `op.${kind}(`;
  // The body is indented when placed in its function, so the literal has that much less room.
  return `${head}${renderLiteral(payload, 0, head.length, MAX_WIDTH - indent)});`;
}

type Body = (indent: number) => string[];

function render(m: MigrationHeader, summary: string[], upgrade: Body, downgrade: Body, template?: Template): string {
  return fillTemplate(template ?? { text: DEFAULT_TEMPLATE, file: "(default)" }, {
    blocks: { header: () => [docComment(m, summary)], upgrade, downgrade },
    inline: {
      revision: () => JSON.stringify(m.revision),
      parents: (column) => renderLiteral(m.parents, 0, column),
      message: () => JSON.stringify(m.message),
      createdAt: () => JSON.stringify(m.createdAt),
    },
  });
}

/** Comment text that stays on its line, whatever characters the names in it hold. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
}

function docComment(m: MigrationHeader, summary: string[]): string {
  const lines = [
    ...m.message.split(/\r?\n/),
    "",
    `Revision: ${m.revision}`,
    `Parents: ${m.parents.length === 0 ? "none" : m.parents.join(", ")}`,
    `Created: ${m.createdAt}`,
    ...(summary.length > 0 ? ["", ...summary] : []),
  ];
  const body = lines.map((l) => (l === "" ? " *" : ` * ${oneLine(l).replaceAll("*/", "*\\/")}`));
  return ["/**", ...body, " */"].join("\n");
}
