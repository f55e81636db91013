// driftwood vs drizzle-kit on the same generated models and the same databases.
// `pnpm bench [--quick] [--sizes 10,100,1000] [--dialects postgresql,sqlite] [--runs 5]
//  [--skip-slow-peer] [--tools driftwood,drizzle-kit,floor] [--out bench/results]`
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Databases, serverVersions, sweepLeftovers, tempPrefix } from "./databases.ts";
import { type BenchDialect, generateProject, type Project, writeConfigs } from "./generate.ts";
import { measure, median, type Sample, timeBinary } from "./measure.ts";
import { cliEntry, drizzleKitBin, peerVersion, repoRoot } from "./peers.ts";
import { type Measurement, type Results, writeResults } from "./report.ts";

type Tool = "driftwood" | "drizzle-kit" | "floor";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sizes: { type: "string" },
    dialects: { type: "string", default: "postgresql,sqlite" },
    runs: { type: "string" },
    "skip-slow-peer": { type: "boolean", default: false },
    tools: { type: "string", default: "driftwood,drizzle-kit,floor" },
    out: { type: "string", default: join(repoRoot, "bench/results") },
  },
});

const sizes = (flags.sizes ?? (flags.quick ? "10,100" : "10,100,1000")).split(",").map(Number);
const dialects = flags.dialects.split(",") as BenchDialect[];
const runs = Number(flags.runs ?? (flags.quick ? 3 : 5));
const tools = new Set(flags.tools.split(",") as Tool[]);
for (const d of dialects) {
  if (d !== "postgresql" && d !== "sqlite") usage(`unknown dialect "${d}"`);
}
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) usage(`--sizes takes positive integers, got "${flags.sizes}"`);
if (!Number.isInteger(runs) || runs < 1) usage(`--runs takes a positive integer, got "${flags.runs}"`);
if (!existsSync(timeBinary)) usage(`${timeBinary} is missing; install GNU time (apt-get install time)`);

/** The checked-out commit, with "+changes" when the tree differs from it. */
function gitCommit(): string {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).trim();
  return `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain", "--untracked-files=no") ? "+changes" : ""}`;
}

/** Set by Ctrl-C: finish the current process, drop the databases, write nothing. */
let interrupted = false;

function usage(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

/** drizzle-kit reads PostgreSQL one table at a time: its no-op push takes minutes from 1,000 tables on. */
function isSlowPeer(dialect: BenchDialect, tables: number): boolean {
  return dialect === "postgresql" && tables >= 1000;
}

/** One timed process; `ok` says whether it did its job (drizzle-kit push exits 0 even on failure). */
interface Contender {
  tool: Tool;
  label: string;
  command: string;
  /** Builds the environment for run `r` (outside the timing) and returns the process to time. */
  prepare(r: number): Promise<Prepared>;
  /** drizzle-kit introspecting a large PostgreSQL database: run once, or not at all with --skip-slow-peer. */
  slow?: boolean;
}

interface Prepared {
  args: string[];
  /** Why the run did not do its job, or undefined when it did. */
  verify(sample: Sample): string | undefined;
  /** Removes what `prepare` made for this run alone. */
  cleanup?: () => Promise<void>;
}

interface Scenario {
  id: string;
  title: string;
  contenders: Contender[];
  /** [numerator label, denominator label]: the ratios to report. */
  ratios: [string, string][];
}

const tsx = ["--import", "tsx"];
const driftwood = (configPath: string | undefined, ...command: string[]) => [
  cliEntry,
  ...command,
  ...(configPath ? ["--config", configPath] : []),
];
const drizzleKit = (configPath: string | undefined, ...command: string[]) => [
  drizzleKitBin(),
  ...command,
  ...(configPath ? ["--config", configPath] : []),
];

const exitedZero = (s: Sample) => (s.exitCode === 0 ? undefined : `exit code ${s.exitCode}`);
const printed = (text: RegExp) => (s: Sample) =>
  exitedZero(s) ?? (text.test(s.output) ? undefined : `output lacks ${text}`);
const wroteFile = (dir: string, ext: string) => (s: Sample) =>
  exitedZero(s) ??
  (existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith(ext))
    ? undefined
    : `no ${ext} file written to ${dir}`);

function scenarios(project: Project, dbs: Databases, equalUrl: string): Scenario[] {
  const { dialect, tables, dir } = project;
  const slow = isSlowPeer(dialect, tables);
  const fresh = async (tag: string) => {
    const migrations = join(dir, `migrations-${tag}`);
    rmSync(migrations, { recursive: true, force: true });
    mkdirSync(migrations);
    const url = await dbs.create(dialect);
    return {
      url,
      migrations,
      configs: writeConfigs(project, { url, migrations }, tag),
      cleanup: async () => {
        await dbs.drop(dialect, url);
        rmSync(migrations, { recursive: true, force: true });
      },
    };
  };
  const equal = writeConfigs(project, { url: equalUrl, migrations: join(dir, "migrations-equal") }, "equal");
  mkdirSync(join(dir, "migrations-equal"), { recursive: true });

  return [
    {
      id: "noop",
      title: "No-op check on a database equal to the models",
      contenders: [
        {
          tool: "driftwood",
          label: "driftwood check",
          command: "driftwood check",
          prepare: async () => ({ args: driftwood(equal.driftwood, "check"), verify: exitedZero }),
        },
        {
          tool: "drizzle-kit",
          label: "drizzle-kit push",
          command: "drizzle-kit push --force",
          slow,
          prepare: async () => ({
            args: drizzleKit(equal.drizzle, "push", "--force"),
            verify: printed(/No changes detected/),
          }),
        },
      ],
      ratios: [["driftwood check", "drizzle-kit push"]],
    },
    {
      id: "init",
      title: "Initial migration from an empty database",
      contenders: [
        {
          tool: "driftwood",
          label: "driftwood migrate",
          command: "driftwood migrate -m init",
          prepare: async (r) => {
            const t = await fresh(`init-dw-${r}`);
            return { ...t, args: driftwood(t.configs.driftwood, "migrate", "-m", "init"), verify: wroteFile(t.migrations, ".ts") };
          },
        },
        {
          tool: "drizzle-kit",
          label: "drizzle-kit generate",
          command: "drizzle-kit generate",
          prepare: async (r) => {
            const t = await fresh(`init-dkg-${r}`);
            return { ...t, args: drizzleKit(t.configs.drizzle, "generate"), verify: wroteFile(t.migrations, ".sql") };
          },
        },
        {
          tool: "drizzle-kit",
          label: "drizzle-kit push (create)",
          command: "drizzle-kit push --force",
          prepare: async (r) => {
            const t = await fresh(`init-dkp-${r}`);
            return { ...t, args: drizzleKit(t.configs.drizzle, "push", "--force"), verify: printed(/Changes applied/) };
          },
        },
      ],
      ratios: [
        ["driftwood migrate", "drizzle-kit generate"],
        ["driftwood migrate", "drizzle-kit push (create)"],
      ],
    },
    {
      id: "introspect",
      title: "Introspection alone vs the floor (bulk catalog queries, bare driver)",
      contenders: [
        {
          tool: "driftwood",
          label: "driftwood introspect",
          command: "node --import tsx bench/introspect.ts",
          prepare: async () => ({
            args: [...tsx, join(repoRoot, "bench/introspect.ts"), dialect, equalUrl],
            verify: printed(new RegExp(`"tables":${tables}\\b`)),
          }),
        },
        {
          tool: "drizzle-kit",
          label: "drizzle-kit pull",
          command: "drizzle-kit pull",
          slow,
          prepare: async (r) => {
            const out = join(dir, `pull-${r}`);
            rmSync(out, { recursive: true, force: true });
            const configs = writeConfigs(project, { url: equalUrl, migrations: out }, `pull-${r}`);
            return {
              args: drizzleKit(configs.drizzle, "pull"),
              verify: wroteFile(out, "schema.ts"),
              cleanup: async () => rmSync(out, { recursive: true, force: true }),
            };
          },
        },
        {
          tool: "floor",
          label: "floor",
          command: "node bench/floor.mjs",
          prepare: async () => ({ args: [join(repoRoot, "bench/floor.mjs"), dialect, equalUrl], verify: exitedZero }),
        },
      ],
      ratios: [
        ["driftwood introspect", "drizzle-kit pull"],
        ["driftwood introspect", "floor"],
        ["drizzle-kit pull", "floor"],
      ],
    },
    {
      id: "startup",
      title: "CLI start-up",
      contenders: [
        {
          tool: "driftwood",
          label: "driftwood --help",
          command: "driftwood --help",
          prepare: async () => ({ args: driftwood(undefined, "--help"), verify: exitedZero }),
        },
        {
          tool: "drizzle-kit",
          label: "drizzle-kit --help",
          command: "drizzle-kit --help",
          prepare: async () => ({ args: drizzleKit(undefined, "--help"), verify: exitedZero }),
        },
        {
          tool: "driftwood",
          label: "driftwood current (empty project)",
          command: "driftwood current",
          prepare: async (r) => {
            const t = await fresh(`current-${r}`);
            return { ...t, args: driftwood(t.configs.driftwood, "current"), verify: exitedZero };
          },
        },
      ],
      ratios: [["driftwood --help", "drizzle-kit --help"]],
    },
  ];
}

/** Makes the "equal" database: drizzle-kit's own initial SQL for the models, applied with the bare driver. */
async function prepareEqualDatabase(project: Project, dbs: Databases): Promise<string> {
  const out = join(project.dir, "setup-sql");
  const configs = writeConfigs(project, { url: "unused", migrations: out }, "setup");
  const generated = await measure(process.execPath, drizzleKit(configs.drizzle, "generate"), project.dir);
  const files = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith(".sql")) : [];
  if (generated.exitCode !== 0 || files.length !== 1) {
    throw new Error(`setup: drizzle-kit generate failed in ${project.dir}\n${generated.output}`);
  }
  const url = await dbs.create(project.dialect);
  await dbs.apply(project.dialect, url, readFileSync(join(out, files[0]), "utf8"));
  return url;
}

/** The line that best says what went wrong: the first mentioning an error, else the first. */
function headline(text: string): string {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return (lines.find((l) => /error|fail|cannot|not found|refus/i.test(l)) ?? lines[0] ?? "no output").slice(0, 300);
}

async function benchOne(dialect: BenchDialect, tables: number, workDir: string): Promise<Pick<Results, "measurements" | "ratios">> {
  const dir = join(workDir, `${dialect}-${tables}`);
  const dbs = new Databases(dir);
  const project = generateProject(dir, dialect, tables, { url: "unused", migrations: join(dir, "migrations") });
  const measurements: Measurement[] = [];
  const ratios: Results["ratios"] = [];
  try {
    const equalUrl = await prepareEqualDatabase(project, dbs);
    for (const scenario of scenarios(project, dbs, equalUrl)) {
      const active = scenario.contenders.filter((c) => tools.has(c.tool) && !(flags["skip-slow-peer"] && c.slow));
      const samples = new Map<Contender, Measurement["runs"]>(active.map((c) => [c, []]));
      for (let r = 0; r < runs && !interrupted; r++) {
        // Alternate the order run by run, so neither tool always runs on a warmer cache.
        const order = r % 2 === 0 ? active : [...active].reverse();
        for (const c of order) {
          if (interrupted || (c.slow && r > 0)) continue;
          const { args, verify, cleanup } = await c.prepare(r);
          const sample = await measure(process.execPath, args, dir);
          const error = verify(sample);
          await cleanup?.();
          samples.get(c)!.push({ ms: sample.ms, rssKb: sample.rssKb, ok: !error, ...(error ? { error: `${error}: ${headline(sample.output)}` } : {}) });
          const tag = error ? `FAILED (${error})` : "";
          console.log(`${dialect} ${tables} ${scenario.id} ${c.label}: ${sample.ms.toFixed(0)} ms ${Math.round(sample.rssKb / 1024)} MB ${tag}`);
        }
      }
      for (const c of active) {
        const ok = samples.get(c)!.filter((s) => s.ok);
        measurements.push({
          dialect,
          tables,
          scenario: scenario.id,
          title: scenario.title,
          label: c.label,
          tool: c.tool,
          command: c.command,
          runs: samples.get(c)!,
          medianMs: median(ok.map((s) => s.ms)),
          medianRssKb: median(ok.map((s) => s.rssKb)),
          ...(c.slow ? { note: "run once: drizzle-kit reads PostgreSQL table by table, which takes minutes at this size" } : {}),
        });
      }
      for (const [numerator, denominator] of scenario.ratios) {
        const a = measurements.find((m) => m.scenario === scenario.id && m.label === numerator);
        const b = measurements.find((m) => m.scenario === scenario.id && m.label === denominator);
        if (!a || !b) continue;
        ratios.push({ dialect, tables, scenario: scenario.id, numerator, denominator, ratio: a.medianMs / b.medianMs });
      }
    }
  } finally {
    await dbs.dropAll();
  }
  return { measurements, ratios };
}

async function main(): Promise<void> {
  // What `pnpm install` does: the launcher runs this bundle, not the TypeScript source.
  execFileSync(process.execPath, [join(repoRoot, "apps/cli/build.mjs")], { stdio: "inherit" });
  await sweepLeftovers();
  const loadAtStart = loadavg()[0];
  const workDir = mkdtempSync(join(tmpdir(), tempPrefix));
  const measurements: Measurement[] = [];
  const ratios: Results["ratios"] = [];
  // Ctrl-C also stops the timed child; the databases made so far are still dropped.
  process.on("SIGINT", () => {
    interrupted = true;
    console.error("bench: interrupted; dropping the databases, writing no results");
  });
  try {
    for (const dialect of dialects) {
      for (const tables of sizes) {
        if (interrupted) break;
        const one = await benchOne(dialect, tables, workDir);
        measurements.push(...one.measurements);
        ratios.push(...one.ratios);
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  if (interrupted) process.exit(130);
  const results: Results = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      loadAverage: { start: loadAtStart, end: loadavg()[0] },
    },
    versions: {
      node: process.version,
      driftwood: `${peerVersion("driftwood")} (commit ${gitCommit()})`,
      "drizzle-kit": peerVersion("drizzle-kit"),
      "drizzle-orm": peerVersion("drizzle-orm"),
      ...(await serverVersions()),
    },
    options: { sizes, dialects, runs, tools: [...tools], skipSlowPeer: flags["skip-slow-peer"], quick: flags.quick },
    measurements,
    ratios,
  };
  const out = resolve(flags.out);
  console.log(`\n${writeResults(out, results)}`);
  console.log(`bench: wrote ${join(out, "results.json")}, results.md and chart.svg`);
}

await main();
