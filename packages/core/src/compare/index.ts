import { sortOps, type Capabilities, type Op, type Schema } from "@driftwood/schema";
import { compareNamespaces } from "./namespaces.ts";
import { compareEnums } from "./enums.ts";
import { compareSequences } from "./sequences.ts";
import { compareTables } from "./tables.ts";
import { planRenames, type RenameAmbiguity } from "./renames.ts";

export { ambiguityQuestion, formatAmbiguity, RenameError, type RenameAmbiguity } from "./renames.ts";
export { createTableOps } from "./tables.ts";
export { HAZARD_KINDS, hazardsOf, hazardsOfOps, type Hazard, type HazardContext } from "../hazards.ts";

export interface CompareOptions {
  /** What the dialect can do: decides how constraints are matched and where foreign keys go. */
  capabilities: Capabilities;
  /** `infer` (default): a table or column that disappears while exactly one of the same shape appears is renamed. */
  renames?: "infer" | "none";
  /**
   * Renames to make whatever `renames` says: `users=people` (table), `users.name=users.full_name`
   * (column), schema-qualified as `auth.users=auth.people` or `auth.users.name=auth.users.full_name`.
   * Throws `RenameError` for one that names nothing to rename.
   */
  explicitRenames?: string[];
}

export interface Diff {
  /** What turns `actual` into `desired`, in execution order. */
  ops: Op[];
  /** Possible renames that were not guessed: their objects are dropped and added in `ops`. */
  ambiguousRenames: RenameAmbiguity[];
}

/**
 * The ops that turn `actual` into `desired`. Both schemas must already be normalized by the
 * same dialect; objects are matched by name through maps, so the time is linear in their size.
 */
export function compare(actual: Schema, desired: Schema, options: CompareOptions): Diff {
  const { capabilities } = options;
  const renames = planRenames(actual, desired, options.explicitRenames ?? [], options.renames !== "none");
  const before = renames.renamed;
  const ops = [
    ...renames.ops,
    ...(capabilities.namespaces ? compareNamespaces(before, desired) : []),
    ...(capabilities.enums ? compareEnums(before, desired) : []),
    ...(capabilities.sequences ? compareSequences(before, desired) : []),
    ...compareTables(before, desired, capabilities),
  ];
  return { ops: sortOps(ops), ambiguousRenames: renames.ambiguous };
}
