import { check, describeOps } from "@driftwood/core";
import { openProject } from "../index.ts";
import { print, shortPath } from "../output.ts";
import type { GlobalArgs } from "./args.ts";

/** Exit 1 when the database is behind the migrations or differs from the models. */
export async function checkCommand(argv: GlobalArgs & { shadow?: string }): Promise<number> {
  const result = await check(await openProject({ config: argv.config }), { shadow: argv.shadow });
  for (const rev of result.edited) {
    print(`warning: ${shortPath(rev.file)} was edited after it was applied; its changes are not in the database`);
  }
  let code = 0;
  if (!result.upToDate) {
    print(
      `database is not up to date: it is at ${result.current.join(", ") || "base"}, head is ${result.heads.join(", ") || "base"}; ${result.pending.length} migration(s) pending (run \`driftwood upgrade\`)`,
    );
    code = 1;
  }
  if (result.ops.length > 0) {
    const what = argv.shadow ? "the migrations applied to an empty database differ" : "database differs";
    print(`${what} from the models (${result.ops.length} change(s); run \`driftwood migrate -m MESSAGE\`):`);
    print(describeOps(result.ops));
    code = 1;
  }
  if (code === 0) {
    print(argv.shadow ? "No differences: the migrations produce the models." : "No differences: the database is at head and matches the models.");
  }
  return code;
}
