import type { Op, Schema } from "@driftwood/schema";
import { matchBy } from "./match.ts";

export function compareNamespaces(actual: Schema, desired: Schema): Op[] {
  const { added, removed } = matchBy(actual.namespaces, desired.namespaces, (n) => n);
  return [
    ...added.map((name): Op => ({ kind: "createSchema", name })),
    ...removed.reverse().map((name): Op => ({ kind: "dropSchema", name })),
  ];
}
