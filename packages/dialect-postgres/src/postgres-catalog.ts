// The catalog queries of introspection: one per concern, each reading the whole database at
// once, so the number of queries never depends on the number of tables. They run unchanged on
// PostgreSQL 15 and 18 (PGlite).

/** Namespaces other than the system ones, `public` included (it may have been dropped). */
export const NAMESPACES_SQL = `
  SELECT n.nspname AS name
  FROM pg_namespace n
  WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
  ORDER BY n.nspname`;

/** Every ordinary or partitioned table that introspection reads. */
export const TABLES_SQL = `
  SELECT n.nspname AS schema, c.relname AS name
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`;

/** Every column of every ordinary or partitioned table, in column order. */
export const COLUMNS_SQL = `
  SELECT n.nspname AS schema, c.relname AS table, a.attname AS name,
         format_type(a.atttypid, a.atttypmod) AS type,
         t.typname AS type_name, tn.nspname AS type_schema,
         et.typname AS element_name, etn.nspname AS element_schema,
         a.attndims AS dimensions, a.attnotnull AS not_null,
         pg_get_expr(d.adbin, d.adrelid) AS default,
         a.attidentity AS identity, a.attgenerated AS generated
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type t ON t.oid = a.atttypid
  JOIN pg_namespace tn ON tn.oid = t.typnamespace
  LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
  LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
  ORDER BY n.nspname, c.relname, a.attnum`;

/** Primary keys, foreign keys, uniques and checks (PostgreSQL 18's NOT NULL rows are left out). */
export const CONSTRAINTS_SQL = `
  SELECT n.nspname AS schema, c.relname AS table, k.conname AS name, k.contype AS type,
         ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, i)
               JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
               ORDER BY u.i)::text[] AS columns,
         fn.nspname AS ref_schema, fc.relname AS ref_table,
         ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, i)
               JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum
               ORDER BY u.i)::text[] AS ref_columns,
         k.confdeltype AS on_delete, k.confupdtype AS on_update,
         pg_get_constraintdef(k.oid, true) AS definition,
         coalesce(i.indnullsnotdistinct, false) AS nulls_not_distinct
  FROM pg_constraint k
  JOIN pg_class c ON c.oid = k.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_class fc ON fc.oid = k.confrelid
  LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
  LEFT JOIN pg_index i ON i.indexrelid = k.conindid AND k.contype = 'u'
  WHERE k.contype IN ('p', 'f', 'u', 'c') AND c.relkind IN ('r', 'p')
    AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
  ORDER BY n.nspname, c.relname, k.conname`;

/** Indexes that do not back a constraint, one row per key column or expression. */
export const INDEXES_SQL = `
  SELECT n.nspname AS schema, c.relname AS table, ic.relname AS name,
         i.indisunique AS unique, am.amname AS method,
         pg_get_expr(i.indpred, i.indrelid, true) AS where,
         k.i AS position, k.attnum = 0 AS expression,
         CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.i::int, true) ELSE a.attname END AS value,
         (i.indoption[k.i - 1] & 1) = 1 AS desc,
         (i.indoption[k.i - 1] & 2) = 2 AS nulls_first,
         CASE WHEN NOT oc.opcdefault THEN oc.opcname END AS opclass
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_class c ON c.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_am am ON am.oid = ic.relam
  CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, i)
  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
  LEFT JOIN pg_opclass oc ON oc.oid = (i.indclass::oid[])[k.i - 1]
  WHERE c.relkind IN ('r', 'p') AND k.i <= i.indnkeyatts
    AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
    AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid AND x.contype IN ('p', 'u', 'x'))
  ORDER BY n.nspname, c.relname, ic.relname, k.i`;

/** Enum types with their values in declaration order. */
export const ENUMS_SQL = `
  SELECT n.nspname AS schema, t.typname AS name,
         array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
  JOIN pg_enum e ON e.enumtypid = t.oid
  WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
  GROUP BY n.nspname, t.typname
  ORDER BY n.nspname, t.typname`;

/**
 * Sequences with their options and, for those a column owns (serial: dependency 'a', identity:
 * 'i'), the owning column.
 */
export const SEQUENCES_SQL = `
  SELECT n.nspname AS schema, c.relname AS name,
         s.seqincrement::text AS increment, s.seqmin::text AS min_value, s.seqmax::text AS max_value,
         s.seqstart::text AS start, s.seqcache::text AS cache, s.seqcycle AS cycle,
         tn.nspname AS owner_schema, tc.relname AS owner_table, a.attname AS owner_column,
         d.deptype AS owner_kind
  FROM pg_sequence s
  JOIN pg_class c ON c.oid = s.seqrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
  LEFT JOIN pg_class tc ON tc.oid = d.refobjid
  LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
  LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
  WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
  ORDER BY n.nspname, c.relname`;
