import { ConfigError, describeOps, formatAmbiguity, HAZARD_KINDS, RevisionError, type Hazard } from "@driftwood/core";
import { generateMigration, openProject, writeMigration, type WrittenMigration } from "../index.ts";
import { askRename } from "../prompt.ts";
import { print, shortPath } from "../output.ts";
import type { GlobalArgs } from "./args.ts";

export interface MigrateArgs extends GlobalArgs {
  message: string;
  dryRun?: boolean;
  /** `--rename a=b` as strings; `--no-rename` adds `false`. */
  rename?: (string | false)[];
  /** `--no-renames`, the older spelling of `--no-rename`. */
  renames?: boolean;
  failOnHazard?: string;
  revId?: string;
}

export async function migrateCommand(argv: MigrateArgs): Promise<number> {
  const rename = argv.rename ?? [];
  const failOnHazard = hazardKinds(argv.failOnHazard);
  const project = await openProject({ config: argv.config });
  const interactive = process.stdin.isTTY === true && process.stderr.isTTY === true;
  const result = await generateMigration(project, {
    message: argv.message,
    dryRun: argv.dryRun,
    revision: argv.revId,
    explicitRenames: rename.filter((r): r is string => typeof r === "string"),
    renames: rename.includes(false) || argv.renames === false ? "none" : "infer",
    ambiguousRenames: interactive ? (a) => askRename(a) : "fail",
    failOnHazard,
  });
  for (const a of result.ambiguousRenames) print(`warning: ${formatAmbiguity(a)}`);
  if (result.ops.length === 0) {
    print("No changes detected: the database matches the models; nothing written.");
    return 0;
  }
  print(describeOps(result.ops));
  if (result.hazards.length > 0) {
    print(`\nHazards (${result.hazards.length}):`);
    for (const h of result.hazards) print(`  ${h.kind}: ${h.message}`);
  }
  if (result.file) written(result as WrittenMigration);
  else print(`\nSQL:\n${result.sql}\n\nDry run: nothing written.`);
  return 0;
}

/** `--fail-on-hazard` alone means every kind; `--fail-on-hazard data-loss,lock` only those. */
function hazardKinds(value: string | undefined): Hazard["kind"][] | undefined {
  if (value === undefined) return undefined;
  const kinds = value.split(",").map((k) => k.trim()).filter(Boolean);
  const unknown = kinds.find((k) => !(HAZARD_KINDS as readonly string[]).includes(k));
  if (unknown !== undefined) {
    throw new ConfigError(`--fail-on-hazard: unknown hazard kind ${JSON.stringify(unknown)}; use some of ${HAZARD_KINDS.join(", ")}`);
  }
  return kinds.length === 0 ? [...HAZARD_KINDS] : (kinds as Hazard["kind"][]);
}

function written(w: WrittenMigration): void {
  print(`Wrote ${shortPath(w.file)}`);
  for (const failure of w.hookFailures) process.stderr.write(`warning: ${failure}\n`);
}

export async function revisionCommand(argv: GlobalArgs & { message: string; head: string; revId?: string }): Promise<number> {
  const project = await openProject({ config: argv.config });
  const graph = await project.revisions();
  const parents = graph.resolve(argv.head);
  written(await writeMigration(project, { message: argv.message, parents, revision: argv.revId }));
  return 0;
}

export async function mergeCommand(argv: GlobalArgs & { message: string; revisions: string[]; revId?: string }): Promise<number> {
  const project = await openProject({ config: argv.config });
  const graph = await project.revisions();
  const specs = argv.revisions.length > 0 ? argv.revisions : ["heads"];
  const parents = [...new Set(specs.flatMap((s) => graph.resolve(s)))];
  if (parents.length < 2) {
    throw new RevisionError(`merge needs two or more revisions, got ${parents.join(", ") || "none"}; name the heads to merge (see \`driftwood heads\`)`);
  }
  written(await writeMigration(project, { message: argv.message, parents, revision: argv.revId }));
  return 0;
}
