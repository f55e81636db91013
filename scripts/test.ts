// Runs every `*.test.ts` under packages/, apps/ and bench/ with Node's test runner.
// `--props` runs only the property tests (`*.props.test.ts`); PROPS_RUNS sets their run count.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const propsOnly = process.argv.includes("--props");
const filters = process.argv.slice(2).filter((a) => !a.startsWith("--"));

function find(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) find(p, out);
    else if (e.name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

const files = ["packages", "apps", "bench"]
  .flatMap((d) => find(d))
  .filter((f) => (propsOnly ? f.endsWith(".props.test.ts") : true))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

// The whole suite runs its properties from one fixed seed, so a run is repeatable; `--props`
// explores new cases from a fresh seed each time (PROPS_SEED replays one).
const env = { ...process.env };
if (!propsOnly && env.PROPS_SEED === undefined) env.PROPS_SEED = "20261125";

const r = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", "--test-reporter=spec", ...files],
  { stdio: "inherit", env },
);
process.exit(r.status ?? 1);
