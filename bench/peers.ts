// The benchmark uses the drizzle-orm, drizzle-kit and drivers that the CLI app depends on, so both
// tools run against the very same versions. They are resolved from apps/cli, since bench/ is not a
// workspace package of its own.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
/** The installed `driftwood` command: the launcher, which runs the CLI's bundle when it is up to date. */
export const cliEntry = join(repoRoot, "apps/cli/bin/driftwood.mjs");

const fromCli = createRequire(join(repoRoot, "apps/cli/package.json"));

/** The packages a generated project needs in its own node_modules. */
export const peerPackages = ["drizzle-orm", "drizzle-kit", "pg", "better-sqlite3", "tsx"] as const;
export type Peer = (typeof peerPackages)[number];

/** The folder of an installed peer package. */
export function peerDir(name: Peer): string {
  return realpathSync(join(repoRoot, "apps/cli/node_modules", name));
}

export function peerVersion(name: Peer | "driftwood"): string {
  const file = name === "driftwood" ? join(repoRoot, "apps/cli/package.json") : join(peerDir(name), "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

/** drizzle-kit's command-line entry, run with plain `node`. */
export function drizzleKitBin(): string {
  return join(peerDir("drizzle-kit"), "bin.cjs");
}

/** Loads a CommonJS peer (a driver) for use in this process. */
export function requirePeer<T>(name: Peer): T {
  return fromCli(name) as T;
}

/** Makes `import "drizzle-orm/pg-core"` (and the other peers) resolve inside a generated project folder. */
export function linkPeers(projectDir: string): void {
  const modules = join(projectDir, "node_modules");
  mkdirSync(modules, { recursive: true });
  for (const name of peerPackages) symlinkSync(peerDir(name), join(modules, name), "dir");
}
