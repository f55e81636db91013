// Installs the workspace with the pinned pnpm (fetched through npx when it is not on PATH),
// then runs one of the root package's scripts: `node scripts/run.mjs <script> [args...]`.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const PNPM = "12.21.0";
const [script, ...args] = process.argv.slice(2);

function pnpmCommand() {
  try {
    const v = execFileSync("pnpm", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (v === PNPM) return ["pnpm"];
  } catch {}
  return ["npx", "--yes", `pnpm@${PNPM}`];
}

const env = { ...process.env };
// Native addons (better-sqlite3) build against the Node.js headers the machine ships, when it does.
if (!env.npm_config_nodedir && existsSync("/usr/include/node/node.h")) env.npm_config_nodedir = "/usr";

const [cmd, ...pre] = pnpmCommand();
const run = (argv) => {
  const r = spawnSync(cmd, [...pre, ...argv], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(["install", "--frozen-lockfile=false", "--reporter=append-only"]);
if (script) run(["run", script, ...args]);
