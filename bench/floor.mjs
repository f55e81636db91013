// The floor: the bulk catalog queries an introspection needs, run with the bare driver in a plain
// `node` process (plain JavaScript, so no TypeScript loader is part of the measurement).
// Usage: node bench/floor.mjs postgresql|sqlite URL  — prints the row count of each query as JSON.
import { createRequire } from "node:module";

const require = createRequire(new URL("../apps/cli/package.json", import.meta.url));
const [dialect, url] = process.argv.slice(2);

const postgresQueries = {
  columns: `
    SELECT n.nspname, c.relname, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull, pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity, a.attgenerated
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg_toast%'`,
  constraints: `
    SELECT n.nspname, c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid) AS definition
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype IN ('p', 'u', 'f', 'c') AND n.nspname NOT IN ('pg_catalog', 'information_schema')`,
  indexes: `
    SELECT n.nspname, t.relname AS table, i.relname AS index, x.indisunique, pg_get_indexdef(x.indexrelid) AS definition
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
  enums: `
    SELECT n.nspname, t.typname, e.enumlabel, e.enumsortorder
    FROM pg_enum e
    JOIN pg_type t ON t.oid = e.enumtypid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    ORDER BY n.nspname, t.typname, e.enumsortorder`,
  sequences: `
    SELECT n.nspname, c.relname, s.seqtypid::regtype AS type, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
    FROM pg_sequence s
    JOIN pg_class c ON c.oid = s.seqrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace`,
};

const sqliteQueries = {
  objects: `SELECT type, name, tbl_name, sql FROM sqlite_master`,
  columns: `
    SELECT m.name AS tbl, p.*
    FROM sqlite_master m, pragma_table_xinfo(m.name) p
    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
  foreignKeys: `
    SELECT m.name AS tbl, f.*
    FROM sqlite_master m, pragma_foreign_key_list(m.name) f
    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
  indexes: `
    SELECT m.name AS tbl, l.name AS idx, l."unique", l.origin, l.partial, c.seqno, c.name AS col
    FROM sqlite_master m, pragma_index_list(m.name) l, pragma_index_xinfo(l.name) c
    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND c.key = 1`,
};

const counts = {};
if (dialect === "postgresql") {
  const pg = require("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const [name, sql] of Object.entries(postgresQueries)) counts[name] = (await client.query(sql)).rowCount;
  await client.end();
} else if (dialect === "sqlite") {
  const Database = require("better-sqlite3");
  const db = new Database(url, { readonly: true, fileMustExist: true });
  for (const [name, sql] of Object.entries(sqliteQueries)) counts[name] = db.prepare(sql).all().length;
  db.close();
} else {
  console.error(`floor: unknown dialect "${dialect}"; use postgresql or sqlite`);
  process.exit(2);
}
console.log(JSON.stringify(counts));
