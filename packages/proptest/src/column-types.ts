/** What the generators may do with each column type: keys, references, defaults, widening. */
import type { DialectName } from "@driftwood/schema";
import type { ColumnType, DefaultSpec, EnumSpec } from "./spec.ts";
import type { Draw } from "./draw.ts";

const INTEGER_KINDS = new Set(["smallint", "integer", "bigint", "serial"]);
const TEXT_KINDS = new Set(["text", "varchar"]);

export function isIntegerLike(t: ColumnType): boolean {
  return INTEGER_KINDS.has(t.kind);
}

export function isTextLike(t: ColumnType): boolean {
  return TEXT_KINDS.has(t.kind);
}

/**
 * Types whose generated values are distinct across rows and equal across tables for the same
 * row number, so they can be primary keys, uniques and foreign keys.
 */
export function isKeyType(t: ColumnType): boolean {
  return isIntegerLike(t) || isTextLike(t) || t.kind === "uuid";
}

/** Types a btree index takes without an operator class question. */
export function isIndexable(t: ColumnType): boolean {
  return t.kind !== "jsonb";
}

/** The type a referencing column has for a referenced one (a serial is referenced by an integer). */
export function referenceType(t: ColumnType): ColumnType {
  return t.kind === "serial" ? { kind: "integer" } : t;
}

/** Types the generator draws for a new column, simplest first. */
export function drawColumnType(d: Draw, dialect: DialectName, enums: EnumSpec[]): ColumnType {
  if (dialect === "sqlite") {
    return d.pick<ColumnType>([
      { kind: "integer" },
      { kind: "text" },
      { kind: "integerBoolean" },
      { kind: "real" },
      { kind: "numericText" },
    ]);
  }
  const kinds = [
    "integer", "text", "boolean", "varchar", "bigint", "smallint", "serial", "numeric",
    "real", "doublePrecision", "date", "timestamp", "uuid", "jsonb", "enum",
  ] as const;
  const kind = d.pick(enums.length > 0 ? kinds : kinds.filter((k) => k !== "enum"));
  switch (kind) {
    case "varchar":
      return { kind, length: d.int(8, 40) };
    case "numeric":
      return { kind, precision: d.int(6, 12), scale: d.int(0, 3) };
    case "timestamp":
      return { kind, withTimezone: d.bool() };
    case "enum": {
      const e = d.pick(enums);
      return e.schema === undefined ? { kind, enum: e.name } : { kind, enum: e.name, schema: e.schema };
    }
    default:
      return { kind };
  }
}

/** A default that the column's checks accept (`nonNegative`, `nonEmpty`), or none for the type. */
export function drawDefault(d: Draw, t: ColumnType, enums: EnumSpec[]): DefaultSpec | undefined {
  switch (t.kind) {
    case "smallint":
    case "integer":
    case "bigint":
      return { kind: "value", value: d.int(0, 100) };
    case "text":
    case "varchar":
      return { kind: "value", value: d.pick(["none", "it's", "naïve", 'say "hi"']) };
    case "boolean":
    case "integerBoolean":
      return { kind: "value", value: d.bool() };
    case "numeric":
    case "numericText":
      return { kind: "value", value: "1.5" };
    case "real":
    case "doublePrecision":
      return { kind: "value", value: 0.5 };
    case "date":
      return { kind: "value", value: "2024-01-01" };
    case "timestamp":
      return { kind: "now" };
    case "uuid":
      return { kind: "random" };
    case "enum": {
      const e = enums.find((x) => x.name === t.enum && x.schema === t.schema);
      return e ? { kind: "value", value: d.pick(e.values) } : undefined;
    }
    case "serial":
    case "jsonb":
      return undefined;
  }
}

/**
 * A wider type every value of `t` converts to without loss, so rows survive an upgrade to it
 * and the downgrade back; undefined when the generator has none for `t`.
 */
export function drawWiderType(d: Draw, dialect: DialectName, t: ColumnType): ColumnType | undefined {
  // SQLite keeps what it stores under type affinity: integers read back the same from real or numeric.
  if (dialect === "sqlite") return t.kind === "integer" ? { kind: d.pick(["real", "numericText"] as const) } : undefined;
  switch (t.kind) {
    case "smallint":
      return { kind: d.pick(["integer", "bigint"] as const) };
    case "integer":
      return { kind: "bigint" };
    case "varchar":
      return d.bool() ? { kind: "text" } : { kind: "varchar", length: t.length + d.int(1, 40) };
    case "real":
      return { kind: "doublePrecision" };
    case "numeric":
      return { kind: "numeric", precision: t.precision + d.int(1, 6), scale: t.scale };
    default:
      return undefined;
  }
}
