#!/usr/bin/env node
// Runs the CLI's bundle (dist/, made by `node build.mjs`) while it matches the TypeScript source;
// otherwise loads the source through tsx, for ES modules and CommonJS alike.
import { readFileSync, statSync } from "node:fs";

const dist = new URL("../dist/", import.meta.url);

/** Whether every source file of the bundle still has the mtime and size it was built from. */
function bundleIsFresh() {
  try {
    const { inputs } = JSON.parse(readFileSync(new URL("inputs.json", dist), "utf8"));
    return Object.entries(inputs).every(([file, built]) => {
      const now = statSync(file);
      return now.mtimeMs === built.mtimeMs && now.size === built.size;
    });
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import(new URL("driftwood.mjs", dist).href);
} else {
  const { register: registerEsm } = await import("tsx/esm/api");
  const { register: registerCjs } = await import("tsx/cjs/api");
  registerEsm();
  registerCjs();
  globalThis[Symbol.for("driftwood.tsx-registered")] = true;
  await import("../src/bin.ts");
}
