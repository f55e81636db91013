import type { CheckDifference, CheckReport } from "./report.ts";

const SIGN: Record<CheckDifference["kind"], string> = { missing: "+", extra: "-", changed: "~", renamed: "~", sql: "!" };

/** `column email`, `index users_email_idx`, `primary key`. */
function subject(d: CheckDifference): string {
  const words: Record<CheckDifference["object"], string> = {
    schema: "schema",
    enum: "enum",
    sequence: "sequence",
    table: "table",
    column: "column",
    primaryKey: "primary key",
    foreignKey: "foreign key",
    unique: "unique",
    check: "check",
    index: "index",
    sql: "sql",
  };
  const name = d.object === "column" ? d.column : d.object === "table" ? undefined : d.name;
  return name === undefined ? words[d.object] : `${words[d.object]} ${name}`;
}

/** One difference in words: what the models say against what the database (or the migrations) has. */
export function differenceLine(d: CheckDifference, mode: CheckReport["mode"]): string {
  const db = mode === "shadow" ? "the migrations make" : "the database has";
  const dbLacks = mode === "shadow" ? "the migrations do not make it" : "the database lacks it";
  switch (d.kind) {
    case "missing":
      return `${subject(d)}: the models say ${d.expected}; ${dbLacks}`;
    case "extra":
      return `${subject(d)}: ${db} ${d.actual}; the models do not declare it`;
    case "changed":
      return `${subject(d)}: the models say ${d.expected}; ${db} ${d.actual}`;
    case "renamed":
      return `${subject(d)}: the models name it ${d.expected}; ${db} it as ${d.actual}`;
    case "sql":
      return `sql: ${d.expected}`;
  }
}

/** Which migration adds what the database lacks, when one does. */
function addedBy(d: CheckDifference): string[] {
  if (d.migration === undefined) return [];
  return [
    d.migration.applied
      ? `migration ${d.migration.id} (${d.migration.file}) adds it and is recorded as applied: it was removed by hand`
      : `migration ${d.migration.id} (${d.migration.file}) adds it and is not applied yet`,
  ];
}

const where = (d: CheckDifference) => (d.file === undefined ? "" : ` (${d.file}${d.line === undefined ? "" : `:${d.line}`})`);

/** The differences grouped per table, each table headed by where the models declare it. */
function differenceLines(report: CheckReport): string[] {
  const groups = new Map<string, CheckDifference[]>();
  for (const d of report.differences) {
    const key = d.table === undefined ? "" : `table ${d.schema === undefined ? "" : `${d.schema}.`}${d.table}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const lines: string[] = [];
  for (const [group, list] of groups) {
    const line = (d: CheckDifference) => `${SIGN[d.kind]} ${differenceLine(d, report.mode)}`;
    if (group === "") lines.push(...list.map(line));
    else lines.push(`${group}${where(list[0]!)}:`, ...list.flatMap((d) => [`  ${line(d)}`, ...addedBy(d).map((l) => `    ${l}`)]));
  }
  return lines;
}

function behindLine(report: CheckReport): string {
  const r = report.revision;
  return `database is not up to date: it is at ${r.current.join(", ") || "base"}, head is ${r.heads.join(", ") || "base"}; ${r.pending.length} migration(s) pending (run \`driftwood upgrade\`)`;
}

function differsLine(report: CheckReport): string {
  const what = report.mode === "shadow" ? "the migrations applied to an empty database differ" : "database differs";
  return `${what} from the models (${report.differences.length} change(s); run \`driftwood migrate -m MESSAGE\` and commit the file):`;
}

/** The report as people read it in a terminal. */
export function formatCheckText(report: CheckReport): string {
  const lines = report.revision.edited.map(
    (r) => `warning: ${r.file} was edited after it was applied; its changes are not in the database`,
  );
  if (report.reasons.includes("behind")) lines.push(behindLine(report));
  if (report.reasons.includes("differs")) {
    lines.push(differsLine(report), ...differenceLines(report));
    if (report.hazards.length > 0) {
      lines.push("hazards of that change:", ...report.hazards.map((h) => `  ${h.kind}: ${h.message}`));
    }
  }
  if (report.status === "clean") {
    lines.push(
      report.mode === "shadow"
        ? "No differences: the migrations produce the models."
        : "No differences: the database is at head and matches the models.",
    );
  } else {
    lines.push(`to fix: ${report.commands.map((c) => `\`${c}\``).join(", then ")}`);
  }
  return lines.join("\n");
}

/** GitHub's workflow-command escaping: the message, and (stricter) property values. */
const escapeData = (s: string) => s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
const escapeProperty = (s: string) => escapeData(s).replaceAll(":", "%3A").replaceAll(",", "%2C");

function annotation(level: "error" | "warning", message: string, at: { file?: string; line?: number } = {}): string {
  const props = [
    at.file !== undefined && `file=${escapeProperty(at.file)}`,
    at.line !== undefined && `line=${at.line}`,
    `title=${escapeProperty("driftwood check")}`,
  ].filter(Boolean);
  return `::${level} ${props.join(",")}::${escapeData(message)}`;
}

/**
 * GitHub Actions annotations: one error per difference at the model file and line declaring its
 * table (file only when the line is unknown), warnings for hazards and edited migrations, then
 * the text form for the log.
 */
export function formatCheckGithub(report: CheckReport): string {
  const lines = report.revision.edited.map((r) =>
    annotation("warning", `${r.file} was edited after it was applied; its changes are not in the database`, { file: r.file }),
  );
  if (report.reasons.includes("behind")) lines.push(annotation("error", behindLine(report)));
  for (const d of report.differences) {
    const table = d.table === undefined ? "" : `table ${d.schema === undefined ? "" : `${d.schema}.`}${d.table}: `;
    lines.push(annotation("error", `${table}${differenceLine(d, report.mode)}; run \`driftwood migrate -m MESSAGE\``, d));
  }
  const tables = new Map(report.differences.map((d) => [`${d.schema ?? ""}.${d.table ?? ""}`, d]));
  for (const h of report.hazards) {
    lines.push(annotation("warning", h.message, tables.get(`${h.schema ?? ""}.${h.table ?? ""}`) ?? {}));
  }
  return [...lines, formatCheckText(report)].join("\n");
}
