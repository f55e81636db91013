import { opTable, qualifiedKey, type Op } from "@driftwood/schema";

/** Summary lines are wrapped at this width, continuing two spaces in. */
const WIDTH = 96;

/**
 * One entry per object a migration touches, in order of first appearance:
 * `games: add column completed_at, add column winners`, `enum mood: alter values`.
 * A long entry is wrapped into more lines.
 */
export function summarize(ops: readonly Op[]): string[] {
  const groups = new Map<string, string[]>();
  for (const op of ops) {
    const [group, what] = describe(op);
    const items = groups.get(group) ?? [];
    if (!items.includes(what)) items.push(what);
    groups.set(group, items);
  }
  return [...groups].flatMap(([group, items]) => wrap(`${group}: `, items));
}

function wrap(head: string, items: string[]): string[] {
  const lines: string[] = [];
  let line = head;
  let empty = true;
  items.forEach((item, i) => {
    const piece = i < items.length - 1 ? `${item},` : item;
    if (!empty && line.length + 1 + piece.length > WIDTH) {
      lines.push(line);
      line = "  ";
      empty = true;
    }
    line += empty ? piece : ` ${piece}`;
    empty = false;
  });
  lines.push(line);
  return lines;
}

const list = (names: readonly string[]) => `(${names.join(", ")})`;

function describe(op: Op): [group: string, what: string] {
  const table = opTable(op);
  const group = table ? qualifiedKey(table) : "";
  switch (op.kind) {
    case "createSchema":
      return [`schema ${op.name}`, "create"];
    case "dropSchema":
      return [`schema ${op.name}`, "drop"];
    case "createEnum":
      return [`enum ${qualifiedKey(op.enum)}`, "create"];
    case "dropEnum":
      return [`enum ${qualifiedKey(op.enum)}`, "drop"];
    case "alterEnum":
      return [`enum ${qualifiedKey(op)}`, "alter values"];
    case "createSequence":
      return [`sequence ${qualifiedKey(op.sequence)}`, "create"];
    case "dropSequence":
      return [`sequence ${qualifiedKey(op.sequence)}`, "drop"];
    case "alterSequence":
      return [`sequence ${qualifiedKey(op)}`, "alter"];
    case "execute":
      return ["sql", "execute"];
    case "createTable":
      return [group, "create table"];
    case "dropTable":
      return [group, "drop table"];
    case "renameTable":
      return [group, `rename from ${op.from}`];
    case "addColumn":
      return [group, `add column ${op.column.name}`];
    case "dropColumn":
      return [group, `drop column ${op.column.name}`];
    case "renameColumn":
      return [group, `rename column ${op.from} to ${op.to}`];
    case "alterColumn":
      return [group, `alter column ${op.to.name}`];
    case "addPrimaryKey":
      return [group, "add primary key"];
    case "dropPrimaryKey":
      return [group, "drop primary key"];
    case "addForeignKey":
      return [group, `add foreign key ${op.foreignKey.name ?? list(op.foreignKey.columns)}`];
    case "dropForeignKey":
      return [group, `drop foreign key ${op.foreignKey.name ?? list(op.foreignKey.columns)}`];
    case "addUnique":
      return [group, `add unique ${op.unique.name ?? list(op.unique.columns)}`];
    case "dropUnique":
      return [group, `drop unique ${op.unique.name ?? list(op.unique.columns)}`];
    case "addCheck":
      return [group, `add check ${op.check.name ?? op.check.expression}`];
    case "dropCheck":
      return [group, `drop check ${op.check.name ?? op.check.expression}`];
    case "createIndex":
      return [group, `create index ${op.index.name}`];
    case "dropIndex":
      return [group, `drop index ${op.index.name}`];
  }
}
