import { check, checkReport, ConfigError, formatCheckGithub, formatCheckText, tableSources } from "@driftwood/core";
import { openProject } from "../index.ts";
import { print } from "../output.ts";
import type { GlobalArgs } from "./args.ts";

export interface CheckArgs extends GlobalArgs {
  shadow?: boolean;
  shadowUrl?: string;
  json?: boolean;
  format?: "text" | "github";
}

/** Exit 1 when the database (or, with --shadow, the migrations) is behind or differs from the models. */
export async function checkCommand(argv: CheckArgs): Promise<number> {
  if (argv.json && argv.format === "github") {
    throw new ConfigError("--json and --format github cannot be combined; pick one");
  }
  const project = await openProject({ config: argv.config });
  const result = await check(project, { shadow: argv.shadow, shadowUrl: argv.shadowUrl });
  // Only a drifted table needs its declaration found.
  const sources = result.ops.length > 0 ? await tableSources(project) : undefined;
  const report = checkReport(result, { sources });
  if (argv.json) print(JSON.stringify(report, null, 2));
  else if (argv.format === "github") print(formatCheckGithub(report));
  else print(formatCheckText(report));
  return report.status === "clean" ? 0 : 1;
}
