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

/** `upgrade` and `downgrade`: run the migrations to `argv.revision`, or print their SQL with `--sql`. */
async function move(direction: "upgrade" | "downgrade", argv: RunArgs): Promise<number> {
  const project = await openProject({ config: argv.config });
  if (argv.sql) {
    process.stdout.write(await renderSql(project, direction, argv.revision));
    return 0;
  }
  const steps = await (direction === "upgrade" ? upgrade : downgrade)(project, argv.revision, callbacks(argv));
  if (steps.length === 0) print(direction === "upgrade" ? "Already up to date: nothing to upgrade." : "Nothing to downgrade.");
  return 0;
}

export const upgradeCommand = (argv: RunArgs): Promise<number> => move("upgrade", argv);
export const downgradeCommand = (argv: RunArgs): Promise<number> => move("downgrade", argv);

export async function stampCommand(argv: GlobalArgs & { revision: string }): Promise<number> {
  const project = await openProject({ config: argv.config });
  const { before, after } = await stamp(project, argv.revision);
  print(`Stamped ${before.join(", ") || "<base>"} -> ${after.join(", ") || "<base>"}`);
  return 0;
}
