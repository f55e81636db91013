import { describeOps, editedMessage, recordSteps, RevisionError, revisionSql, status } from "@driftwood/core";
import { openProject } from "../index.ts";
import { print, revisionDetail, revisionLine, shortPath } from "../output.ts";
import type { GlobalArgs } from "./args.ts";

export async function currentCommand(argv: GlobalArgs & { verbose?: boolean }): Promise<number> {
  const project = await openProject({ config: argv.config });
  const graph = await project.revisions();
  const s = await status(project);
  for (const id of s.current) {
    const rev = graph.get(id);
    print(argv.verbose ? revisionDetail(graph, rev, s.current) : `${id}${graph.heads.includes(id) ? " (head)" : ""}`);
  }
  for (const rev of s.edited) {
    process.stderr.write(`warning: ${editedMessage({ ...rev, file: shortPath(rev.file) })} (or accept it: upgrade --accept-edited)\n`);
  }
  return 0;
}

export async function headsCommand(argv: GlobalArgs & { verbose?: boolean }): Promise<number> {
  const graph = await (await openProject({ config: argv.config })).revisions();
  for (const id of graph.heads) print(argv.verbose ? revisionDetail(graph, graph.get(id)) : `${id} (head)`);
  return 0;
}

export async function historyCommand(argv: GlobalArgs & { rev?: string; verbose?: boolean }): Promise<number> {
  const graph = await (await openProject({ config: argv.config })).revisions();
  const [from, to] = argv.rev?.includes(":") ? argv.rev.split(":", 2) : [undefined, argv.rev];
  const revisions = graph.range(from ? graph.resolve(from) : [], to ? graph.resolve(to) : graph.heads).reverse();
  if (revisions.length === 0) return 0;
  print(revisions.map((r) => (argv.verbose ? revisionDetail(graph, r) : revisionLine(graph, r))).join(argv.verbose ? "\n\n" : "\n"));
  return 0;
}

export async function showCommand(argv: GlobalArgs & { revision: string; sql?: boolean }): Promise<number> {
  const project = await openProject({ config: argv.config });
  if (argv.sql) {
    process.stdout.write(await revisionSql(project, argv.revision));
    return 0;
  }
  const graph = await project.revisions();
  const ids = graph.resolve(argv.revision);
  if (ids.length !== 1) throw new RevisionError(`${argv.revision} names ${ids.length} revisions; name exactly one`);
  const rev = graph.get(ids[0]!);
  print(revisionDetail(graph, rev));
  for (const direction of ["upgrade", "downgrade"] as const) {
    const steps = await recordSteps((op) => rev.module[direction](op));
    const lines = [
      describeOps(steps.flatMap((s) => (s.kind === "op" ? [s.op] : []))),
      ...steps.flatMap((s) => (s.kind === "data" ? [`data step ${s.description ?? "(no description)"}`] : [])),
    ].filter(Boolean);
    print(`\n${direction}:\n${lines.join("\n").replace(/^/gm, "  ") || "  (nothing)"}`);
  }
  return 0;
}

export async function branchesCommand(argv: GlobalArgs): Promise<number> {
  const graph = await (await openProject({ config: argv.config })).revisions();
  for (const id of graph.branchPoints) {
    print(revisionLine(graph, graph.get(id)));
    for (const child of graph.children(id)) print(`    -> ${revisionLine(graph, graph.get(child))}`);
  }
  return 0;
}
