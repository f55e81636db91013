import { relative } from "node:path";
import type { Revision, RevisionGraph } from "@driftwood/core";

export function print(text = ""): void {
  process.stdout.write(`${text}\n`);
}

/** A path as short as it can be from where the command runs. */
export function shortPath(path: string): string {
  const r = relative(process.cwd(), path);
  return r.startsWith("..") ? path : r;
}

/** `parents -> id (head, branchpoint), message`, as Alembic's history prints it. */
export function revisionLine(graph: RevisionGraph<Revision>, rev: Revision, current: readonly string[] = []): string {
  const tags = [
    graph.heads.includes(rev.id) && "head",
    current.includes(rev.id) && "current",
    graph.children(rev.id).length > 1 && "branchpoint",
    rev.parents.length > 1 && "mergepoint",
  ].filter(Boolean);
  const parents = rev.parents.join(", ") || "<base>";
  return `${parents} -> ${rev.id}${tags.length ? ` (${tags.join(", ")})` : ""}, ${rev.message}`;
}

/** The long form: `history --verbose` and `show`. */
export function revisionDetail(graph: RevisionGraph<Revision>, rev: Revision, current: readonly string[] = []): string {
  const tags = revisionLine(graph, rev, current).match(/ \(([^)]*)\),/)?.[1];
  return [
    `Rev: ${rev.id}${tags ? ` (${tags})` : ""}`,
    `Parent: ${rev.parents.join(", ") || "<base>"}`,
    ...(graph.children(rev.id).length > 0 ? [`Children: ${graph.children(rev.id).join(", ")}`] : []),
    `Path: ${shortPath(rev.file)}`,
    ...(rev.createdAt ? [`Created: ${rev.createdAt}`] : []),
    "",
    `    ${rev.message}`,
  ].join("\n");
}
