// Canonical forms, applied to both the models and the database, so that the comparator sees a
// difference only where PostgreSQL would behave differently.
import {
  sortSchema,
  type Column,
  type Index,
  type Schema,
  type SequenceOptions,
  type Table,
} from "@driftwood/schema";
import {
  formatArrayLiteral,
  literalContent,
  normalizeExpression,
  parseArrayLiteral,
  stripOuterParentheses,
  toLiteral,
} from "./postgres-expression.ts";

/** PostgreSQL keeps at most 63 bytes of a name (NAMEDATALEN - 1) and silently truncates the rest. */
export function truncateName(name: string): string {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: most names need no encoding at all.
  if (name.length <= 21 || Buffer.byteLength(name) <= 63) return name;
  const bytes = Buffer.from(name);
  if (bytes.length <= 63) return name;
  let end = 63;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString();
}

const TYPE_ALIASES: Record<string, string> = {
  int: "integer",
  int4: "integer",
  int8: "bigint",
  int2: "smallint",
  float8: "double precision",
  float4: "real",
  float: "double precision",
  bool: "boolean",
  decimal: "numeric",
  "character varying": "varchar",
  character: "char",
  bpchar: "char",
  timestamptz: "timestamp with time zone",
  timetz: "time with time zone",
  varbit: "bit varying",
};

const SERIALS: Record<string, string> = { integer: "serial", bigint: "bigserial", smallint: "smallserial" };
const SERIAL_BASE: Record<string, string> = { serial: "integer", bigserial: "bigint", smallserial: "smallint" };

/** A built-in type's canonical spelling: `timestamp (3) with time zone` → `timestamp(3) with time zone`. */
export function normalizeType(type: string): string {
  let t = type.trim().toLowerCase().replace(/\s+/g, " ").replace(/ \(/g, "(").replace(/,\s*/g, ",");
  const m = /^([a-z][a-z0-9 ]*?)(\(\d+(?:,\d+)?\))?( with(?:out)? time zone)?$/.exec(t);
  if (!m) return t;
  let [, base, params = "", zone = ""] = m;
  base = TYPE_ALIASES[base] ?? base;
  if (zone === " without time zone") zone = "";
  if (base === "char" && params === "") params = "(1)";
  return `${base}${params}${zone}`;
}

const RANGES: Record<string, [string, string]> = {
  smallint: ["-32768", "32767"],
  integer: ["-2147483648", "2147483647"],
  bigint: ["-9223372036854775808", "9223372036854775807"],
};

/** Every sequence option filled in with PostgreSQL's default for a sequence of `type`. */
export function fillSequenceOptions(o: SequenceOptions, type = "bigint"): Required<SequenceOptions> {
  const [lowest, highest] = RANGES[SERIAL_BASE[type] ?? type] ?? RANGES.bigint;
  const increment = o.increment ?? "1";
  const down = Number(increment) < 0;
  const minValue = o.minValue ?? (down ? lowest : "1");
  const maxValue = o.maxValue ?? (down ? "-1" : highest);
  return {
    increment,
    minValue,
    maxValue,
    start: o.start ?? (down ? maxValue : minValue),
    cache: o.cache ?? "1",
    cycle: o.cycle ?? false,
  };
}

const NUMERIC = /^(smallint|integer|bigint|numeric|real|double precision|serial|bigserial|smallserial)\b/;

/** A default expression's canonical text for a column of the given (normalized) type. */
export function normalizeDefault(expression: string, column: Pick<Column, "type" | "dimensions">): string {
  let text = stripOuterParentheses(expression.trim());
  if (/^current_timestamp$/i.test(text)) return "now()";
  // `'x'::text`, `'{}'::text[]`, `'a'::"Mood"`: a literal's cast to the column's own type adds nothing.
  for (;;) {
    const m = /^('(?:[^']|'')*')::(?:"(?:[^"]|"")*"|[\w ]+(?:\([\d, ]+\))?)(?:\.(?:"(?:[^"]|"")*"|\w+))?(?:\[\])*$/.exec(text);
    if (!m) break;
    text = m[1];
  }
  const content = literalContent(text);
  if (content === undefined) return text.replace(/^nextval\(('(?:[^']|'')*')::regclass\)$/, "nextval($1)");
  if (column.dimensions) {
    const items = parseArrayLiteral(content);
    return items ? toLiteral(formatArrayLiteral(items)) : text;
  }
  if (NUMERIC.test(column.type) && /^-?\d+(\.\d+)?$/.test(content)) return content;
  if (column.type === "jsonb" || column.type === "json") {
    try {
      return toLiteral(stableJson(JSON.parse(content), column.type === "jsonb"));
    } catch {
      return text;
    }
  }
  return text;
}

function stableJson(value: unknown, sortKeys: boolean): string {
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v, sortKeys)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (sortKeys) keys.sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k], sortKeys)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The canonical form of a whole schema. */
export function normalizePostgres(schema: Schema): Schema {
  const enumNames = new Set(schema.enums.map((e) => `${e.schema ?? ""}.${e.name}`));
  const sequenceNames = new Set(schema.sequences.map((s) => `${s.schema ?? "public"}.${s.name}`));
  const tables = schema.tables.map((t) => normalizeTable(t, enumNames, sequenceNames));
  return prune(
    sortSchema({
      ...schema,
      namespaces: schema.namespaces.filter((n) => n !== "public").map(truncateName),
      enums: schema.enums.map((e) => ({ ...e, name: truncateName(e.name) })),
      sequences: schema.sequences.map((s) => ({
        schema: s.schema,
        name: truncateName(s.name),
        ...fillSequenceOptions(s),
      })),
      tables,
    }),
  );
}

function normalizeTable(t: Table, enumNames: Set<string>, sequenceNames: Set<string>): Table {
  const name = truncateName(t.name);
  const key = (cols: string[]) => truncateName(`${name}_${cols.join("_")}`);
  const columns = t.columns.map((c) => normalizeColumn(c, t, enumNames, sequenceNames));
  return {
    name,
    schema: t.schema,
    columns,
    primaryKey: t.primaryKey && {
      name: t.primaryKey.name === undefined || truncateName(t.primaryKey.name) === truncateName(`${name}_pkey`)
        ? undefined
        : truncateName(t.primaryKey.name),
      columns: t.primaryKey.columns.map(truncateName),
    },
    foreignKeys: t.foreignKeys.map((fk) => {
      const cols = fk.columns.map(truncateName);
      return {
        ...fk,
        name: defaultless(fk.name, `${key(cols)}_fkey`),
        columns: cols,
        references: { ...fk.references, name: truncateName(fk.references.name), columns: fk.references.columns.map(truncateName) },
      };
    }),
    uniques: t.uniques.map((u) => {
      const cols = u.columns.map(truncateName);
      return { name: defaultless(u.name, `${key(cols)}_key`), columns: cols, nullsNotDistinct: u.nullsNotDistinct || undefined };
    }),
    checks: t.checks.map((c) => ({
      name: c.name === undefined ? undefined : truncateName(c.name),
      expression: normalizeExpression(c.expression, t),
    })),
    indexes: t.indexes.map((i) => normalizeIndex(i, t)),
  };
}

function defaultless(name: string | undefined, defaultName: string): string | undefined {
  if (name === undefined) return undefined;
  const n = truncateName(name);
  return n === truncateName(defaultName) ? undefined : n;
}

function normalizeColumn(c: Column, t: Table, enumNames: Set<string>, sequenceNames: Set<string>): Column {
  const userType = c.typeSchema !== undefined || enumNames.has(`.${c.type}`);
  let type = userType ? c.type : normalizeType(c.type);
  let def = c.default;
  const serial = def && /^nextval\('(.+)'::regclass\)$/.exec(def);
  if (serial && SERIALS[type] && !c.dimensions && !sequenceNames.has(sequenceKey(serial[1], t.schema))) {
    type = SERIALS[type];
    def = undefined;
  }
  const out: Column = {
    name: truncateName(c.name),
    type,
    typeSchema: c.typeSchema === "public" ? undefined : c.typeSchema,
    dimensions: c.dimensions || undefined,
    notNull: c.notNull || SERIAL_BASE[type] !== undefined || c.identity !== undefined,
    default: def === undefined ? undefined : normalizeDefault(def, { type, dimensions: c.dimensions }),
    autoincrement: c.autoincrement,
  };
  if (c.identity) {
    const defaultSequence = truncateName(`${t.name}_${c.name}_seq`);
    out.identity = {
      always: c.identity.always,
      sequenceName:
        c.identity.sequenceName === undefined || truncateName(c.identity.sequenceName) === defaultSequence
          ? undefined
          : truncateName(c.identity.sequenceName),
      ...fillSequenceOptions(c.identity, type),
    };
  }
  if (c.generated) out.generated = { expression: normalizeExpression(c.generated.expression, t), stored: true };
  return out;
}

/** `public.users_id_seq`, `"My Seq"` → `schema.name` as the sequences list keys it. */
function sequenceKey(regclassText: string, tableSchema: string | undefined): string {
  const parts = regclassText.replaceAll("''", "'").match(/"(?:[^"]|"")*"|[^.]+/g) ?? [];
  const names = parts.map((p) => (p.startsWith('"') ? p.slice(1, -1).replaceAll('""', '"') : p.toLowerCase()));
  return names.length > 1 ? `${names[0]}.${names[1]}` : `${tableSchema ?? "public"}.${names[0]}`;
}

function normalizeIndex(i: Index, table: Table): Index {
  return {
    name: truncateName(i.name),
    columns: i.columns.map((c) => ({
      value: c.expression ? normalizeExpression(c.value, table) : truncateName(c.value),
      expression: c.expression || undefined,
      desc: c.desc || undefined,
      nulls: c.nulls === undefined || (c.nulls === "first") === Boolean(c.desc) ? undefined : c.nulls,
      opclass: c.opclass,
    })),
    unique: i.unique,
    method: i.method === undefined || i.method === "btree" ? undefined : i.method,
    where: i.where === undefined ? undefined : normalizeExpression(i.where, table),
    concurrently: i.concurrently || undefined,
  };
}

/** Drops properties whose value is undefined, so equal schemas are deep-equal. */
function prune<T>(value: T): T {
  if (Array.isArray(value)) return value.map(prune) as T;
  if (value !== null && typeof value === "object") {
    const pruned: Record<string, unknown> = {};
    for (const k in value) {
      const v = value[k];
      if (v !== undefined) pruned[k] = prune(v);
    }
    return pruned as T;
  }
  return value;
}
