import type { DialectName, QualifiedName, Schema, Table } from "@driftwood/schema";
import { qualifiedKey } from "@driftwood/schema";

/** Where a table was seen: read from the live (or scratch) database, or declared by the models. */
export type TableOrigin = "database" | "models";

/** What the config's `include` hook is asked about. */
export interface IncludeObject {
  kind: "table";
  /** The table's schema; omitted for the default one. */
  schema?: string;
  name: string;
  from: TableOrigin;
}

/**
 * Decides which tables driftwood looks at; the rest (with their indexes, and the foreign keys
 * pointing at them) never appear in a diff, either way. `from` defaults to `"database"`.
 */
export type TableFilter = (table: QualifiedName, from?: TableOrigin) => boolean;

export interface TableFilterOptions {
  dialect: DialectName;
  versionTable: string;
  /** Globs over table names; `schema.table` matches a qualified name. */
  ignore?: readonly string[];
  /** drizzle-kit's `tablesFilter`: globs a table must match; `!glob` excludes. */
  tablesFilter?: readonly string[];
  /** drizzle-kit's `schemaFilter`: the PostgreSQL schemas to look at. */
  schemaFilter?: readonly string[];
  include?: (object: IncludeObject) => boolean;
}

const DEFAULT_SCHEMA: Record<DialectName, string> = { postgresql: "public", sqlite: "main" };

/** `*` matches within one name part, `?` one character, `**` anything. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (c === "*") source += "[^.]*";
    else if (c === "?") source += "[^.]";
    else source += c.replace(/[\\^$.|+()[\]{}]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "u");
}

function matcher(globs: readonly string[], defaultSchema: string): (t: QualifiedName) => boolean {
  const patterns = globs.map((g) => ({ re: globToRegExp(g), qualified: g.includes(".") }));
  return (t) =>
    patterns.some((p) => p.re.test(p.qualified ? `${t.schema ?? defaultSchema}.${t.name}` : t.name));
}

export function tableFilter(options: TableFilterOptions): TableFilter {
  const defaultSchema = DEFAULT_SCHEMA[options.dialect];
  const versionTables = [options.versionTable, `${options.versionTable}_applied`];
  const ignored = matcher(options.ignore ?? [], defaultSchema);
  const positive = (options.tablesFilter ?? []).filter((g) => !g.startsWith("!"));
  const negative = (options.tablesFilter ?? []).filter((g) => g.startsWith("!")).map((g) => g.slice(1));
  const wanted = matcher(positive, defaultSchema);
  const unwanted = matcher(negative, defaultSchema);
  const schemas = options.schemaFilter;
  return (t, from = "database") => {
    if (t.schema === undefined && versionTables.includes(t.name)) return false;
    if (ignored(t)) return false;
    if (positive.length > 0 && !wanted(t)) return false;
    if (unwanted(t)) return false;
    if (schemas && schemas.length > 0 && !schemas.includes(t.schema ?? defaultSchema)) return false;
    if (options.include && !options.include({ kind: "table", schema: t.schema, name: t.name, from })) return false;
    return true;
  };
}

/**
 * The schema without the tables `keep` rejects. A kept table loses its foreign keys to a
 * dropped one, and an enum only dropped tables use goes with them, so an ignored table leaves
 * no trace in a diff.
 */
export function filterSchema(schema: Schema, keep: TableFilter, from: TableOrigin = "database"): Schema {
  const dropped = new Set(schema.tables.filter((t) => !keep(t, from)).map(qualifiedKey));
  const kept = schema.tables.filter((t) => !dropped.has(qualifiedKey(t)));
  const tables: Table[] = kept.map((t) => ({
    ...t,
    foreignKeys: t.foreignKeys.filter((fk) => !dropped.has(qualifiedKey(fk.references))),
  }));
  const typesOf = (ts: readonly Table[]) =>
    new Set(ts.flatMap((t) => t.columns.map((c) => qualifiedKey({ schema: c.typeSchema, name: c.type }))));
  const usedByKept = typesOf(kept);
  const usedByDropped = typesOf(schema.tables.filter((t) => dropped.has(qualifiedKey(t))));
  const enums = schema.enums.filter((e) => usedByKept.has(qualifiedKey(e)) || !usedByDropped.has(qualifiedKey(e)));
  return { ...schema, tables, enums };
}
