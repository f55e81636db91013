import { downgrade, renderSql, stamp, upgrade, type PlanStep, type Revision } from "@driftwood/core";
import { openProject } from "../index.ts";
import { print } from "../output.ts";
import type { GlobalArgs } from "./args.ts";

const announce = (step: PlanStep<Revision>) =>
  print(`Running ${step.direction} ${step.before.join(", ") || "<base>"} -> ${step.after.join(", ") || "<base>"}, ${step.revision.message}`);

export async function upgradeCommand(argv: GlobalArgs & { revision: string; sql?: boolean }): Promise<number> {
  const project = await openProject({ config: argv.config });
  if (argv.sql) {
    process.stdout.write(await renderSql(project, "upgrade", argv.revision));
    return 0;
  }
  const steps = await upgrade(project, argv.revision, { onStep: announce });
  if (steps.length === 0) print("Already up to date: nothing to upgrade.");
  return 0;
}

export async function downgradeCommand(argv: GlobalArgs & { revision: string; sql?: boolean }): Promise<number> {
  const project = await openProject({ config: argv.config });
  if (argv.sql) {
    process.stdout.write(await renderSql(project, "downgrade", argv.revision));
    return 0;
  }
  const steps = await downgrade(project, argv.revision, { onStep: announce });
  if (steps.length === 0) print("Nothing to downgrade.");
  return 0;
}

export async function stampCommand(argv: GlobalArgs & { revision: string }): Promise<number> {
  const project = await openProject({ config: argv.config });
  const { before, after } = await stamp(project, argv.revision);
  print(`Stamped ${before.join(", ") || "<base>"} -> ${after.join(", ") || "<base>"}`);
  return 0;
}
