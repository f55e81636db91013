// drizzle-orm, loaded through `require` and only the parts a dialect needs: a user's model file
// compiled to CommonJS (as the CLI compiles them) loads this same copy, so it is read once, and
// `import` of a CommonJS build would also scan every file of it for its export names.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

export const orm = once(() => require("drizzle-orm") as typeof import("drizzle-orm"));
export const pgCore = once(() => require("drizzle-orm/pg-core") as typeof import("drizzle-orm/pg-core"));
export const sqliteCore = once(() => require("drizzle-orm/sqlite-core") as typeof import("drizzle-orm/sqlite-core"));
