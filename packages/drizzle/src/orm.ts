// drizzle-orm, loaded through `require` and only the parts a dialect needs: a user's model file
// compiled to CommonJS (as the CLI compiles them) loads this same copy, so it is read once, and
// `import` of a CommonJS build would also scan every file of it for its export names.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** `load()` on the first call, its value after. */
export function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

export const orm = once(() => require("drizzle-orm") as typeof import("drizzle-orm"));
export const pgCore = once(() => require("drizzle-orm/pg-core") as typeof import("drizzle-orm/pg-core"));
export const sqliteCore = once(() => require("drizzle-orm/sqlite-core") as typeof import("drizzle-orm/sqlite-core"));

/** `read` once per table: drizzle's `getTableConfig` builds a table's keys and indexes anew at each call. */
function perTable<T extends object, C>(read: (table: T) => C): (table: T) => C {
  const cache = new WeakMap<T, C>();
  return (table) => {
    let config = cache.get(table);
    if (config === undefined) cache.set(table, (config = read(table)));
    return config;
  };
}

type PgCore = typeof import("drizzle-orm/pg-core");
type SqliteCore = typeof import("drizzle-orm/sqlite-core");
export const pgTableConfig = perTable((t: Parameters<PgCore["getTableConfig"]>[0]) => pgCore().getTableConfig(t));
export const sqliteTableConfig = perTable((t: Parameters<SqliteCore["getTableConfig"]>[0]) => sqliteCore().getTableConfig(t));
