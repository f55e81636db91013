import { qualifiedKey, type Op, type Schema } from "@driftwood/schema";
import { matchBy, nameOf, same } from "./match.ts";

export function compareEnums(actual: Schema, desired: Schema): Op[] {
  const { added, removed, kept } = matchBy(actual.enums, desired.enums, qualifiedKey);
  return [
    ...added.map((e): Op => ({ kind: "createEnum", enum: e })),
    ...removed.reverse().map((e): Op => ({ kind: "dropEnum", enum: e })),
    ...kept
      .filter(({ from, to }) => !same(from.values, to.values))
      .map(({ from, to }): Op => ({ kind: "alterEnum", ...nameOf(to), from: from.values, to: to.values })),
  ];
}
