import type { Op } from "./ops.ts";

export class IrreversibleOpError extends Error {}

/** The op that undoes `op`. Throws `IrreversibleOpError` for raw SQL given without its reverse. */
export function invert(op: Op): Op {
  switch (op.kind) {
    case "createSchema":
      return { kind: "dropSchema", name: op.name };
    case "dropSchema":
      return { kind: "createSchema", name: op.name };
    case "createEnum":
      return { kind: "dropEnum", enum: op.enum };
    case "dropEnum":
      return { kind: "createEnum", enum: op.enum };
    case "alterEnum":
      return { ...op, from: op.to, to: op.from };
    case "createSequence":
      return { kind: "dropSequence", sequence: op.sequence };
    case "dropSequence":
      return { kind: "createSequence", sequence: op.sequence };
    case "alterSequence":
      return { ...op, from: op.to, to: op.from };
    case "createTable":
      return { kind: "dropTable", table: op.table };
    case "dropTable":
      return { kind: "createTable", table: op.table };
    case "renameTable":
      return { ...op, from: op.to, to: op.from };
    case "addColumn":
      return { ...op, kind: "dropColumn" };
    case "dropColumn":
      return { ...op, kind: "addColumn" };
    case "renameColumn":
      return { ...op, from: op.to, to: op.from };
    case "alterColumn":
      return { ...op, from: op.to, to: op.from };
    case "addPrimaryKey":
      return { ...op, kind: "dropPrimaryKey" };
    case "dropPrimaryKey":
      return { ...op, kind: "addPrimaryKey" };
    case "addForeignKey":
      return { ...op, kind: "dropForeignKey" };
    case "dropForeignKey":
      return { ...op, kind: "addForeignKey" };
    case "addUnique":
      return { ...op, kind: "dropUnique" };
    case "dropUnique":
      return { ...op, kind: "addUnique" };
    case "addCheck":
      return { ...op, kind: "dropCheck" };
    case "dropCheck":
      return { ...op, kind: "addCheck" };
    case "createIndex":
      return { ...op, kind: "dropIndex" };
    case "dropIndex":
      return { ...op, kind: "createIndex" };
    case "execute":
      if (op.reverse === undefined) {
        throw new IrreversibleOpError(`raw SQL cannot be undone without its reverse: ${op.sql}`);
      }
      return { kind: "execute", sql: op.reverse, reverse: op.sql };
  }
}

/** The downgrade of an upgrade: the inverse of each op, last first. */
export function invertAll(ops: readonly Op[]): Op[] {
  return ops.map(invert).reverse();
}
