import { qualifiedKey, type Column, type Op } from "@driftwood/schema";
import { same } from "./compare/match.ts";

/** Something about an op that a reviewer should know before running it. */
export interface Hazard {
  kind: "data-loss" | "not-null-without-default" | "table-rewrite" | "lock" | "irreversible-data";
  message: string;
}

/** Every hazard kind, for options that name some of them (`--fail-on-hazard data-loss,lock`). */
export const HAZARD_KINDS = ["data-loss", "not-null-without-default", "table-rewrite", "lock", "irreversible-data"] as const satisfies readonly Hazard["kind"][];

export interface HazardContext {
  /** Tables (by `qualifiedKey`) created in the same migration: they hold no rows, so indexing or checking them locks nothing. */
  newTables?: ReadonlySet<string>;
}

/** The hazards of one op. */
export function hazardsOf(op: Op, context: HazardContext = {}): Hazard[] {
  const table = (t: { schema?: string; table: string }) => qualifiedKey({ schema: t.schema, name: t.table });
  switch (op.kind) {
    case "dropTable":
      return [
        dataLoss(`drops table ${qualifiedKey(op.table)} and its data`),
        irreversible(`downgrade recreates table ${qualifiedKey(op.table)} empty: its rows cannot be restored`),
      ];
    case "dropColumn":
      return [
        dataLoss(`drops column ${table(op)}.${op.column.name} and its data`),
        irreversible(`downgrade recreates column ${table(op)}.${op.column.name} empty: its values cannot be restored`),
      ];
    case "addColumn": {
      const name = `${table(op)}.${op.column.name}`;
      if (!op.column.notNull || filledByDatabase(op.column)) return [];
      return [
        {
          kind: "not-null-without-default",
          message: `adds ${name} NOT NULL without a default: fails when the table has rows; add a default or backfill first`,
        },
      ];
    }
    case "alterColumn":
      return columnChangeHazards(`${table(op)}.${op.to.name}`, op.from, op.to);
    case "alterEnum": {
      const removed = op.from.filter((v) => !op.to.includes(v));
      if (removed.length === 0) return [];
      const values = removed.map((v) => `'${v}'`).join(", ");
      return [dataLoss(`removes ${values} from enum ${qualifiedKey(op)}: rows holding ${removed.length > 1 ? "them" : "it"} must change first`)];
    }
    case "dropSequence":
      return [dataLoss(`drops sequence ${qualifiedKey(op.sequence)} and its current value`)];
    case "createIndex":
      if (op.index.concurrently || context.newTables?.has(table(op))) return [];
      return [lock(`locks writes to ${table(op)} while the index ${op.index.name} builds`)];
    case "addPrimaryKey":
    case "addUnique":
      if (context.newTables?.has(table(op))) return [];
      return [lock(`locks writes to ${table(op)} while the index of the new constraint builds`)];
    case "addCheck":
    case "addForeignKey":
      if (context.newTables?.has(table(op))) return [];
      return [lock(`checks every existing row of ${table(op)}, blocking writes meanwhile`)];
    default:
      return [];
  }
}

/** The hazards of each op of a migration, in the same order, knowing which tables it creates. */
export function hazardsOfOps(ops: readonly Op[]): Hazard[][] {
  const newTables = new Set(ops.flatMap((op) => (op.kind === "createTable" ? [qualifiedKey(op.table)] : [])));
  return ops.map((op) => hazardsOf(op, { newTables }));
}

function columnChangeHazards(name: string, from: Column, to: Column): Hazard[] {
  const hazards: Hazard[] = [];
  const fromType = typeText(from);
  const toType = typeText(to);
  if (fromType !== toType) {
    const change = widening(from, to);
    if (change !== "widens") {
      hazards.push(
        dataLoss(
          change === "narrows"
            ? `narrows ${name} from ${fromType} to ${toType}: values that do not fit are lost or make it fail`
            : `converts ${name} from ${fromType} to ${toType}: values that do not convert are lost or make it fail`,
        ),
      );
    }
    if (change !== "widens" || !keepsStorage(from, to)) {
      hazards.push({ kind: "table-rewrite", message: `changing the type of ${name} rewrites the table and locks it meanwhile` });
    }
  }
  if (to.generated && !same(from.generated, to.generated)) {
    hazards.push({ kind: "table-rewrite", message: `computing ${name} for every row rewrites the table and locks it meanwhile` });
  }
  if (to.notNull && !from.notNull) {
    hazards.push({
      kind: "not-null-without-default",
      message: `sets ${name} NOT NULL: fails while any row holds NULL there; backfill first`,
    });
  }
  return hazards;
}

function typeText(c: Column): string {
  const type = c.typeSchema === undefined ? c.type : `${c.typeSchema}.${c.type}`;
  return type + "[]".repeat(c.dimensions ?? 0);
}

/** Types whose values all fit in the next one of the same list. */
const WIDER = [
  ["smallint", "integer", "bigint"],
  ["real", "double precision"],
];

/** Whether every value of `from` fits `to` (`widens`), some do not (`narrows`), or it cannot tell (undefined). */
function widening(from: Column, to: Column): "widens" | "narrows" | undefined {
  if ((from.dimensions ?? 0) !== (to.dimensions ?? 0)) return undefined;
  const a = parseType(from.type);
  const b = parseType(to.type);
  if (b.base === "text") return "widens";
  for (const list of WIDER) {
    const i = list.indexOf(a.base);
    const j = list.indexOf(b.base);
    if (i >= 0 && j >= 0) return j >= i ? "widens" : "narrows";
  }
  if (isCharacter(a.base) && isCharacter(b.base)) {
    if (b.args[0] === undefined) return "widens";
    if (a.args[0] === undefined) return "narrows";
    return b.args[0] >= a.args[0] ? "widens" : "narrows";
  }
  if (a.base === "numeric" && b.base === "numeric") {
    if (b.args.length === 0) return "widens";
    if (a.args.length === 0) return "narrows";
    const [p1, s1 = 0] = a.args;
    const [p2, s2 = 0] = b.args;
    return s2 >= s1 && p2 - s2 >= p1 - s1 ? "widens" : "narrows";
  }
  return undefined;
}

/** A longer or unbounded character type keeps the stored bytes, so the table is not rewritten. */
function keepsStorage(from: Column, to: Column): boolean {
  const a = parseType(from.type).base;
  const b = parseType(to.type).base;
  return (a === "varchar" || a === "character varying" || a === "text") && (b === "varchar" || b === "character varying" || b === "text");
}

function isCharacter(base: string): boolean {
  return ["varchar", "character varying", "char", "character", "text"].includes(base);
}

function parseType(type: string): { base: string; args: number[] } {
  const m = /^([^(]*?)\s*(?:\(([^)]*)\))?$/.exec(type.trim().toLowerCase());
  const base = m?.[1] ?? type;
  const args = m?.[2] ? m[2].split(",").map((x) => Number(x.trim())) : [];
  return { base: base === "int" || base === "int4" ? "integer" : base, args };
}

function filledByDatabase(c: Column): boolean {
  return c.default !== undefined || c.identity !== undefined || c.generated !== undefined || c.autoincrement === true;
}

function lock(message: string): Hazard {
  return { kind: "lock", message };
}

function dataLoss(message: string): Hazard {
  return { kind: "data-loss", message };
}

function irreversible(message: string): Hazard {
  return { kind: "irreversible-data", message };
}
