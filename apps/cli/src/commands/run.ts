import { downgrade, renderSql, stamp, upgrade, type RunCallbacks } from "@driftwood/core";
import { openProject } from "../index.ts";
import { print, shortPath } from "../output.ts";
import type { GlobalArgs } from "./args.ts";

interface RunArgs extends GlobalArgs {
  revision: string;
  sql?: boolean;
  acceptEdited?: boolean;
}

const callbacks = (argv: RunArgs): RunCallbacks => ({
  acceptEdited: argv.acceptEdited,
  onAcceptEdited: (rev) => print(`Accepted ${shortPath(rev.file)} as edited: its checksum is recorded anew`),
  onStep: (step) =>
    print(`Running ${step.direction} ${step.before.join(", ") || "<base>"} -> ${step.after.join(", ") || "<base>"}, ${step.revision.message}`),
});

export async function upgradeCommand(argv: RunArgs): Promise<number> {
  const project = await openProject({ config: argv.config });
  if (argv.sql) {
    process.stdout.write(await renderSql(project, "upgrade", argv.revision));
    return 0;
  }
  const steps = await upgrade(project, argv.revision, callbacks(argv));
  if (steps.length === 0) print("Already up to date: nothing to upgrade.");
  return 0;
}

export async function downgradeCommand(argv: RunArgs): Promise<number> {
  const project = await openProject({ config: argv.config });
  if (argv.sql) {
    process.stdout.write(await renderSql(project, "downgrade", argv.revision));
    return 0;
  }
  const steps = await downgrade(project, argv.revision, callbacks(argv));
  if (steps.length === 0) print("Nothing to downgrade.");
  return 0;
}

export async function stampCommand(argv: GlobalArgs & { revision: string }): Promise<number> {
  const project = await openProject({ config: argv.config });
  const { before, after } = await stamp(project, argv.revision);
  print(`Stamped ${before.join(", ") || "<base>"} -> ${after.join(", ") || "<base>"}`);
  return 0;
}
