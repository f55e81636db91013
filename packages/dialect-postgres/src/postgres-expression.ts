// Canonical text for SQL expressions (checks, generated columns, index expressions and
// predicates) and literals, so that what a user wrote in drizzle and what PostgreSQL prints back
// from its catalog compare equal. Every output is still valid SQL: it is also what gets rendered.

/** PostgreSQL's reserved key words: an identifier spelled like one keeps its quotes. */
const RESERVED = new Set(
  (
    "all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation " +
    "column concurrently constraint create cross current_catalog current_date current_role current_schema current_time " +
    "current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze " +
    "from full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit " +
    "localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references " +
    "returning right select session_user similar some symmetric system_user table tablesample then to trailing true union " +
    "unique user using variadic verbose when where window with"
  ).split(" "),
);

const TOKEN = /('(?:[^']|'')*')|("(?:[^"]|"")*")|([^'"]+)/g;

/** The table an expression belongs to: its qualifier is dropped, and its column types tell which casts are implicit. */
export interface ExpressionTable {
  schema?: string;
  name: string;
  columns?: { name: string; type: string }[];
}

/** The canonical form of an expression that belongs to `table`. */
export function normalizeExpression(expression: string, table?: ExpressionTable): string {
  let out = "";
  let text = expression;
  if (table) {
    const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
    if (table.schema !== undefined) text = text.split(`${quoted(table.schema)}.${quoted(table.name)}.`).join("");
    text = text.split(`${quoted(table.name)}.`).join("");
  }
  for (const [, str, ident, other] of text.matchAll(TOKEN)) {
    if (str !== undefined) out += str;
    else if (ident !== undefined) out += unquoteIdentifier(ident);
    else out += other.replace(/\s+/g, " ");
  }
  out = out.replace(/('(?:[^']|'')*')::(?:text|character varying)\b(?!\[)/g, "$1");
  out = out.replace(/\bnextval\(('(?:[^']|'')*')::regclass\)/g, "nextval($1)");
  if (table?.columns) out = dropImplicitCasts(out, table.columns);
  // PostgreSQL stores `x IN (a, b)` as `x = ANY (ARRAY[a, b])`; an array of plain string literals needs no `::text[]`.
  out = out.replace(/(ARRAY\[(?:'(?:[^']|'')*'(?:, )?)+\])::text\[\]/g, "$1");
  out = out.replace(/ = ANY \(ARRAY\[([^\[\]()]*)\]\)/g, " IN ($1)").replace(/ <> ALL \(ARRAY\[([^\[\]()]*)\]\)/g, " NOT IN ($1)");
  return stripOuterParentheses(out.trim());
}

/**
 * The casts PostgreSQL writes into a stored expression where the SQL had none: a varchar column
 * read as text (`(email)::text`), an integer literal compared with a numeric column (`(0)::numeric`).
 */
function dropImplicitCasts(text: string, columns: { name: string; type: string }[]): string {
  for (const c of columns) {
    const col = unquoteIdentifier(`"${c.name.replaceAll('"', '""')}"`).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (/^(character varying|varchar)\b/.test(c.type)) {
      text = text.replace(new RegExp(`(?<![\\w".])(?:\\((${col})\\)|(${col}))::text\\b(?!\\[)`, "g"), "$1$2");
    } else if (/^(numeric|decimal)\b/.test(c.type)) {
      text = text.replace(new RegExp(`(?<![\\w".])(${col}) (=|<>|<|>|<=|>=) (?:\\((\\d+)\\)|(\\d+))::numeric\\b`, "g"), "$1 $2 $3$4");
    }
  }
  return text;
}

function unquoteIdentifier(quoted: string): string {
  const name = quoted.slice(1, -1).replaceAll('""', '"');
  return /^[a-z_][a-z0-9_]*$/.test(name) && !RESERVED.has(name) ? name : quoted;
}

export function stripOuterParentheses(text: string): string {
  while (text.startsWith("(") && text.endsWith(")") && closingParen(text, 0) === text.length - 1) {
    text = text.slice(1, -1).trim();
  }
  return text;
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  // Inside a string or a quoted identifier: the quote that ends it (a doubled one ends and reopens it).
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  return -1;
}

/** The content of a whole-string literal `'...'`, or undefined when `text` is not one. */
export function literalContent(text: string): string | undefined {
  const m = /^'((?:[^']|'')*)'$/.exec(text);
  return m ? m[1].replaceAll("''", "'") : undefined;
}

export function toLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Parses a PostgreSQL array literal (`{a,"b c",{1,2}}`) into nested string arrays. */
export function parseArrayLiteral(text: string): unknown[] | undefined {
  let i = 0;
  const parse = (): unknown[] | undefined => {
    if (text[i] !== "{") return undefined;
    i++;
    const items: unknown[] = [];
    while (i < text.length) {
      if (text[i] === "}") {
        i++;
        return items;
      }
      if (text[i] === "{") {
        const inner = parse();
        if (!inner) return undefined;
        items.push(inner);
      } else if (text[i] === '"') {
        let value = "";
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === "\\") i++;
          value += text[i++];
        }
        i++;
        items.push(value);
      } else {
        let value = "";
        while (i < text.length && text[i] !== "," && text[i] !== "}") value += text[i++];
        items.push(value.trim());
      }
      if (text[i] === ",") i++;
    }
    return undefined;
  };
  const result = parse();
  return result && i === text.length ? result : undefined;
}

/** An array literal in PostgreSQL's own output form (quotes only where needed). */
export function formatArrayLiteral(items: unknown[]): string {
  const item = (v: unknown): string => {
    if (Array.isArray(v)) return formatArrayLiteral(v);
    const s = String(v);
    const plain = s !== "" && s.toLowerCase() !== "null" && !/[{},"\\\s]/.test(s);
    return plain ? s : `"${s.replace(/["\\]/g, "\\$&")}"`;
  };
  return `{${items.map(item).join(",")}}`;
}
