import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";

/**
 * The exit code for an error, after printing it: its first line first, the detail after.
 * core is loaded here rather than at start-up, which `--help` would pay for.
 */
async function report(e: unknown): Promise<number> {
  const [{ DatabaseError }, { DriftwoodError, maskPasswords, RenameError }] = await Promise.all([
    import("@driftwood/schema"),
    import("@driftwood/core"),
  ]);
  const known = e instanceof DriftwoodError || e instanceof DatabaseError || e instanceof RenameError;
  const text = maskPasswords(known ? (e as Error).message : `unexpected error: ${(e as Error)?.stack ?? String(e)}`);
  process.stderr.write(`error: ${text}\n`);
  if (e instanceof DriftwoodError) return e.exitCode;
  return e instanceof RenameError ? 2 : 1;
}

/**
 * Runs a command, loaded only when it is called (so `current` never loads the code generator),
 * and sets the exit code from what it returns or throws.
 */
const run =
  <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  async (argv: M[K] extends (argv: infer A) => Promise<number> ? A : never) => {
    try {
      const command = (await load())[name] as (a: typeof argv) => Promise<number>;
      process.exitCode = await command(argv);
    } catch (e) {
      process.exitCode = await report(e);
    }
  };

const commands = {
  init: () => import("./commands/init.ts"),
  generate: () => import("./commands/generate.ts"),
  run: () => import("./commands/run.ts"),
  inspect: () => import("./commands/inspect.ts"),
  check: () => import("./commands/check.ts"),
};

const message = (y: Argv) => y.option("message", { alias: "m", type: "string", demandOption: true, describe: "what the migration does" });
const revId = { type: "string", describe: "the new revision's id instead of a random one" } as const;
const sql = { type: "boolean", describe: "print the SQL instead of running it (a range FROM:TO is allowed)" } as const;
const acceptEdited = {
  type: "boolean",
  describe: "run even though an applied migration file was edited, recording its checksum as it is now",
} as const;

const cli = yargs(hideBin(process.argv))
  .scriptName("driftwood")
  .usage("$0 <command> [options]")
  .option("config", { type: "string", describe: "config file (default: driftwood.config.ts, then drizzle.config.ts)" })
  .command(
    "init",
    "write a driftwood.config.ts and a migrations folder",
    (y) =>
      y
        .option("dialect", { choices: ["postgresql", "sqlite"] as const, default: "sqlite" as const })
        .option("url", { type: "string", describe: "database URL or SQLite file" })
        .option("schema", { type: "string", default: "./src/db/schema.ts", describe: "drizzle model file or glob" })
        .option("migrations", { type: "string", default: "migrations" }),
    run(commands.init, "initCommand"),
  )
  .command(
    "migrate",
    "write a migration from the difference between the database and the models",
    (y) =>
      message(y)
        .option("dry-run", { type: "boolean", describe: "show the difference, write nothing" })
        .option("rename", {
          type: "string",
          array: true,
          describe: "a rename to make: table=new or table.column=new (--no-rename: drop and add instead of guessing)",
        })
        .option("renames", { type: "boolean", hidden: true })
        .option("fail-on-hazard", {
          type: "string",
          describe: `exit 1 and write nothing when the migration has hazards (all kinds, or some: data-loss,lock)`,
        })
        .option("rev-id", revId),
    run(commands.generate, "migrateCommand"),
  )
  .command(
    "revision",
    "write an empty migration to fill in by hand",
    (y) =>
      message(y)
        .option("head", {
          type: "string",
          default: "head",
          describe: "the revision it follows (base starts a new branch)",
        })
        .option("rev-id", revId),
    run(commands.generate, "revisionCommand"),
  )
  .command(
    "upgrade [revision]",
    "apply migrations up to a revision (head, heads, +N, REV)",
    (y) => y.positional("revision", { type: "string", default: "head" }).option("sql", sql).option("accept-edited", acceptEdited),
    run(commands.run, "upgradeCommand"),
  )
  .command(
    "downgrade <revision>",
    "revert migrations down to a revision (-N, REV, base)",
    (y) => y.positional("revision", { type: "string", demandOption: true }).option("sql", sql).option("accept-edited", acceptEdited),
    run(commands.run, "downgradeCommand"),
  )
  .command("current", "show the revisions the database is at", (y) => y.option("verbose", { type: "boolean", alias: "v" }), run(commands.inspect, "currentCommand"))
  .command("heads", "show the latest revisions", (y) => y.option("verbose", { type: "boolean", alias: "v" }), run(commands.inspect, "headsCommand"))
  .command(
    "history",
    "list revisions, newest first",
    (y) =>
      y
        .option("rev", { alias: "r", type: "string", describe: "a range FROM:TO" })
        .option("verbose", { type: "boolean", alias: "v" }),
    run(commands.inspect, "historyCommand"),
  )
  .command(
    "show <revision>",
    "show one revision and its operations",
    (y) =>
      y
        .positional("revision", { type: "string", demandOption: true })
        .option("sql", { type: "boolean", describe: "print the SQL of this migration's upgrade instead" }),
    run(commands.inspect, "showCommand"),
  )
  .command(
    "stamp <revision>",
    "set the database's revision without running migrations",
    (y) => y.positional("revision", { type: "string", demandOption: true }),
    run(commands.run, "stampCommand"),
  )
  .command(
    "merge [revisions..]",
    "write a migration that merges heads (default: all of them)",
    (y) => message(y).positional("revisions", { type: "string", array: true, default: [] as string[] }).option("rev-id", revId),
    run(commands.generate, "mergeCommand"),
  )
  .command("branches", "show where the revision graph branches", (y) => y, run(commands.inspect, "branchesCommand"))
  .command(
    "check",
    "exit 1 when the database is not at head or differs from the models",
    (y) =>
      y
        .option("shadow", {
          type: "boolean",
          describe: "check a scratch database with every migration applied instead (SQLite in memory, PostgreSQL in PGlite)",
        })
        .option("shadow-url", {
          type: "string",
          describe: "make the scratch database there instead: a PostgreSQL server URL (a throwaway database is created and dropped), a folder for SQLite",
        })
        .option("json", { type: "boolean", describe: "print the result as JSON (docs/check-json.md)" })
        .option("format", { choices: ["text", "github"] as const, default: "text" as const, describe: "github: GitHub Actions annotations at the model files" }),
    run(commands.check, "checkCommand"),
  )
  .demandCommand(1, "name a command; see driftwood --help")
  .strict()
  .help()
  .fail((msg, err) => {
    if (err) throw err;
    process.stderr.write(`error: ${msg}; see driftwood --help\n`);
    process.exit(2);
  });

await cli.parseAsync();
