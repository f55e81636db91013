import { opTable, qualifiedKey, type Column, type IndexColumn, type Op } from "@driftwood/schema";

/**
 * A readable account of a diff, grouped per table: what the database lacks (`+`), has too
 * much of (`-`) or has otherwise (`~`) compared with the models. For `check` and `--dry-run`.
 */
export function describeOps(ops: readonly Op[]): string {
  const groups = new Map<string, string[]>();
  const add = (group: string, line: string) => groups.set(group, [...(groups.get(group) ?? []), line]);
  for (const op of ops) {
    const t = opTable(op);
    add(t ? `table ${qualifiedKey(t)}` : "", describeOp(op));
  }
  const out: string[] = [];
  for (const [group, lines] of groups) {
    if (group === "") out.push(...lines);
    else out.push(`${group}:`, ...lines.map((l) => `  ${l}`));
  }
  return out.join("\n");
}

const typeOf = (c: Column) => `${c.typeSchema ? `${c.typeSchema}.` : ""}${c.type}${"[]".repeat(c.dimensions ?? 0)}`;

/** A column as the diff shows it: `type not null default x`. */
export function describeColumn(c: Column): string {
  return [typeOf(c), c.notNull ? "not null" : "null", c.default !== undefined ? `default ${c.default}` : ""].filter(Boolean).join(" ");
}

const cols = (names: readonly string[]) => `(${names.join(", ")})`;
const indexCols = (cs: readonly IndexColumn[]) => cols(cs.map((c) => `${c.value}${c.desc ? " desc" : ""}`));
const named = (c: { name?: string }) => (c.name ? ` ${c.name}` : "");

function columnChange(from: Column, to: Column): string {
  const changes: string[] = [];
  const show = (label: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push(`${label} ${String(a ?? "none")} → ${String(b ?? "none")}`);
  };
  show("type", typeOf(from), typeOf(to));
  show("nullable", from.notNull ? "not null" : "null", to.notNull ? "not null" : "null");
  show("default", from.default, to.default);
  show("identity", from.identity && JSON.stringify(from.identity), to.identity && JSON.stringify(to.identity));
  show("generated", from.generated?.expression, to.generated?.expression);
  show("autoincrement", from.autoincrement ?? false, to.autoincrement ?? false);
  return changes.join(", ");
}

function describeOp(op: Op): string {
  switch (op.kind) {
    case "createSchema":
      return `+ schema ${op.name}`;
    case "dropSchema":
      return `- schema ${op.name}`;
    case "createEnum":
      return `+ enum ${qualifiedKey(op.enum)} (${op.enum.values.join(", ")})`;
    case "dropEnum":
      return `- enum ${qualifiedKey(op.enum)}`;
    case "alterEnum":
      return `~ enum ${qualifiedKey(op)}: (${op.from.join(", ")}) → (${op.to.join(", ")})`;
    case "createSequence":
      return `+ sequence ${qualifiedKey(op.sequence)}`;
    case "dropSequence":
      return `- sequence ${qualifiedKey(op.sequence)}`;
    case "alterSequence":
      return `~ sequence ${qualifiedKey(op)}: ${JSON.stringify(op.from)} → ${JSON.stringify(op.to)}`;
    case "createTable":
      return `+ table (${op.table.columns.map((c) => `${c.name} ${describeColumn(c)}`).join(", ")})`;
    case "dropTable":
      return `- table (${op.table.columns.map((c) => c.name).join(", ")})`;
    case "renameTable":
      return `~ renamed from ${op.from}`;
    case "addColumn":
      return `+ column ${op.column.name} ${describeColumn(op.column)}`;
    case "dropColumn":
      return `- column ${op.column.name} ${describeColumn(op.column)}`;
    case "renameColumn":
      return `~ column ${op.from} renamed to ${op.to}`;
    case "alterColumn":
      return `~ column ${op.to.name}: ${columnChange(op.from, op.to)}`;
    case "addPrimaryKey":
      return `+ primary key${named(op.primaryKey)} ${cols(op.primaryKey.columns)}`;
    case "dropPrimaryKey":
      return `- primary key${named(op.primaryKey)} ${cols(op.primaryKey.columns)}`;
    case "addForeignKey":
    case "dropForeignKey": {
      const fk = op.foreignKey;
      return `${op.kind === "addForeignKey" ? "+" : "-"} foreign key${named(fk)} ${cols(fk.columns)} → ${qualifiedKey(fk.references)}${cols(fk.references.columns)}`;
    }
    case "addUnique":
      return `+ unique${named(op.unique)} ${cols(op.unique.columns)}`;
    case "dropUnique":
      return `- unique${named(op.unique)} ${cols(op.unique.columns)}`;
    case "addCheck":
      return `+ check${named(op.check)} (${op.check.expression})`;
    case "dropCheck":
      return `- check${named(op.check)} (${op.check.expression})`;
    case "createIndex":
      return `+ ${op.index.unique ? "unique index" : "index"} ${op.index.name} ${indexCols(op.index.columns)}`;
    case "dropIndex":
      return `- ${op.index.unique ? "unique index" : "index"} ${op.index.name} ${indexCols(op.index.columns)}`;
    case "execute":
      return `sql: ${op.sql}`;
  }
}
