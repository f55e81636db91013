#!/usr/bin/env node
// Loads the CLI's TypeScript source through tsx, for ES modules and CommonJS alike.
import { register as registerEsm } from "tsx/esm/api";
import { register as registerCjs } from "tsx/cjs/api";

registerEsm();
registerCjs();
globalThis[Symbol.for("driftwood.tsx-registered")] = true;
await import("../src/bin.ts");
