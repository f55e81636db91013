import { describeOps, formatAmbiguity, RevisionError } from "@driftwood/core";
import { generateMigration, openProject, writeMigration } from "../index.ts";
import { print, shortPath } from "../output.ts";
import type { GlobalArgs } from "./args.ts";

export async function migrateCommand(argv: GlobalArgs & { message: string; dryRun?: boolean; rename?: string[]; renames?: boolean }): Promise<number> {
  const project = await openProject({ config: argv.config });
  const result = await generateMigration(project, {
    message: argv.message,
    dryRun: argv.dryRun,
    explicitRenames: argv.rename,
    renames: argv.renames === false ? "none" : "infer",
  });
  for (const a of result.ambiguousRenames) print(`warning: ${formatAmbiguity(a)}`);
  if (result.ops.length === 0) {
    print("No changes detected: the database matches the models; nothing written.");
    return 0;
  }
  print(describeOps(result.ops));
  print(result.file ? `Wrote ${shortPath(result.file)}` : "Dry run: nothing written.");
  return 0;
}

export async function revisionCommand(argv: GlobalArgs & { message: string; head: string }): Promise<number> {
  const project = await openProject({ config: argv.config });
  const graph = await project.revisions();
  const parents = graph.resolve(argv.head);
  print(`Wrote ${shortPath(await writeMigration(project, { message: argv.message, parents }))}`);
  return 0;
}

export async function mergeCommand(argv: GlobalArgs & { message: string; revisions: string[] }): Promise<number> {
  const project = await openProject({ config: argv.config });
  const graph = await project.revisions();
  const specs = argv.revisions.length > 0 ? argv.revisions : ["heads"];
  const parents = [...new Set(specs.flatMap((s) => graph.resolve(s)))];
  if (parents.length < 2) {
    throw new RevisionError(`merge needs two or more revisions, got ${parents.join(", ") || "none"}; name the heads to merge (see \`driftwood heads\`)`);
  }
  print(`Wrote ${shortPath(await writeMigration(project, { message: argv.message, parents }))}`);
  return 0;
}
