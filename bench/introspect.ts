// driftwood's introspection alone, in its own process: connect, read the catalog into a Schema, close.
// Usage: node --import tsx bench/introspect.ts postgresql|sqlite URL — prints the table count.
import type { Dialect } from "../packages/schema/src/index.ts";

const packages = {
  postgresql: "../packages/dialect-postgres/src/index.ts",
  sqlite: "../packages/dialect-sqlite/src/index.ts",
} as const;

function isDialect(value: unknown, name: string): value is Dialect {
  const v = value as Partial<Dialect> | null;
  return typeof v === "object" && v !== null && v.name === name && typeof v.connect === "function";
}

const [name, url] = process.argv.slice(2) as [keyof typeof packages, string];
const module = (await import(packages[name])) as Record<string, unknown>;
const dialect = Object.values(module).find((v) => isDialect(v, name));
if (!dialect) {
  console.error(`introspect: ${packages[name]} exports no Dialect named "${name}"; export the dialect object`);
  process.exit(2);
}
const connection = await dialect.connect(url);
try {
  const schema = await connection.introspect();
  console.log(JSON.stringify({ tables: schema.tables.length }));
} finally {
  await connection.close();
}
