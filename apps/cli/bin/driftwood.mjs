#!/usr/bin/env node
// Loads the CLI's TypeScript source through tsx.
import { register } from "tsx/esm/api";

register();
await import("../src/bin.ts");
