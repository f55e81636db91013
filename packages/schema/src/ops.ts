import type {
  Check,
  Column,
  Enum,
  ForeignKey,
  Index,
  PrimaryKey,
  Sequence,
  SequenceOptions,
  Table,
  Unique,
} from "./model.ts";

/** Names the table an op works on; `schema` is omitted for the dialect's default schema. */
export interface OnTable {
  schema?: string;
  table: string;
}

/**
 * One schema change. Each op carries everything needed to undo it (a drop carries what it
 * drops), so `invert` is total and a downgrade is `ops.map(invert).reverse()`.
 * A migration file calls `op.<kind>(payload)` with exactly these payloads.
 */
export type Op =
  | { kind: "createSchema"; name: string }
  | { kind: "dropSchema"; name: string }
  | { kind: "createEnum"; enum: Enum }
  | { kind: "dropEnum"; enum: Enum }
  | { kind: "alterEnum"; schema?: string; name: string; from: string[]; to: string[] }
  | { kind: "createSequence"; sequence: Sequence }
  | { kind: "dropSequence"; sequence: Sequence }
  | { kind: "alterSequence"; schema?: string; name: string; from: SequenceOptions; to: SequenceOptions }
  /** The table without its indexes, and without foreign keys where the dialect can add them by ALTER. */
  | { kind: "createTable"; table: Table }
  | { kind: "dropTable"; table: Table }
  | { kind: "renameTable"; schema?: string; from: string; to: string; inferred?: boolean }
  | ({ kind: "addColumn"; column: Column } & OnTable)
  | ({ kind: "dropColumn"; column: Column } & OnTable)
  | ({ kind: "renameColumn"; from: string; to: string; inferred?: boolean } & OnTable)
  /** `from` and `to` have the same name; a rename is its own op. */
  | ({ kind: "alterColumn"; from: Column; to: Column } & OnTable)
  | ({ kind: "addPrimaryKey"; primaryKey: PrimaryKey } & OnTable)
  | ({ kind: "dropPrimaryKey"; primaryKey: PrimaryKey } & OnTable)
  | ({ kind: "addForeignKey"; foreignKey: ForeignKey } & OnTable)
  | ({ kind: "dropForeignKey"; foreignKey: ForeignKey } & OnTable)
  | ({ kind: "addUnique"; unique: Unique } & OnTable)
  | ({ kind: "dropUnique"; unique: Unique } & OnTable)
  | ({ kind: "addCheck"; check: Check } & OnTable)
  | ({ kind: "dropCheck"; check: Check } & OnTable)
  | ({ kind: "createIndex"; index: Index } & OnTable)
  | ({ kind: "dropIndex"; index: Index } & OnTable)
  /** Hand-written SQL. `reverse` is the SQL that undoes it; without it the op cannot be inverted. */
  | { kind: "execute"; sql: string; reverse?: string };

export type OpKind = Op["kind"];
export type OpOf<K extends OpKind> = Extract<Op, { kind: K }>;
export type OpPayload<K extends OpKind> = Omit<OpOf<K>, "kind">;

/** Every op kind, in execution order for an upgrade (see `sortOps`). */
export const OP_ORDER = [
  "createSchema",
  "createEnum",
  "alterEnum",
  "createSequence",
  "alterSequence",
  "renameTable",
  "renameColumn",
  "dropForeignKey",
  "dropIndex",
  "dropUnique",
  "dropCheck",
  "dropPrimaryKey",
  "createTable",
  "addColumn",
  "alterColumn",
  "dropColumn",
  "addPrimaryKey",
  "addUnique",
  "addCheck",
  "createIndex",
  "addForeignKey",
  "dropTable",
  "dropSequence",
  "dropEnum",
  "dropSchema",
  "execute",
] as const satisfies readonly OpKind[];

/** The table an op touches, or undefined for ops on schemas, enums and sequences. */
export function opTable(op: Op): { schema?: string; name: string } | undefined {
  switch (op.kind) {
    case "createTable":
    case "dropTable":
      return { schema: op.table.schema, name: op.table.name };
    case "renameTable":
      return { schema: op.schema, name: op.to };
    case "createSchema":
    case "dropSchema":
    case "createEnum":
    case "dropEnum":
    case "alterEnum":
    case "createSequence":
    case "dropSequence":
    case "alterSequence":
    case "execute":
      return undefined;
    default:
      return { schema: op.schema, name: op.table };
  }
}
