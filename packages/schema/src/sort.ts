import { OP_ORDER, type Op } from "./ops.ts";

const rank = new Map<string, number>(OP_ORDER.map((kind, i) => [kind, i]));

/**
 * Puts ops in upgrade execution order: by kind, as `OP_ORDER` lists them, keeping the given
 * order within a kind. Foreign keys are their own late step, so tables in a foreign-key cycle
 * are both created before either key is added.
 */
export function sortOps(ops: readonly Op[]): Op[] {
  return ops
    .map((op, i) => ({ op, i }))
    .sort((a, b) => rank.get(a.op.kind)! - rank.get(b.op.kind)! || a.i - b.i)
    .map(({ op }) => op);
}
