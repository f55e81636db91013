/**
 * A small reader for the CREATE TABLE and CREATE INDEX text SQLite keeps in `sqlite_master`:
 * the catalog pragmas do not expose check constraints, generated-column expressions,
 * AUTOINCREMENT or index expressions, so those are read from the statement itself.
 */

interface Token {
  /** `word` is a bare word (keywords among them); `name` a quoted identifier. */
  kind: "word" | "name" | "string" | "number" | "punct";
  /** For `name`, the unquoted identifier; otherwise the source text. */
  text: string;
  start: number;
  end: number;
}

const closing: Record<string, string> = { '"': '"', "`": "`", "[": "]", "'": "'" };

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (sql.startsWith("--", i)) {
      const nl = sql.indexOf("\n", i);
      i = nl === -1 ? sql.length : nl + 1;
    } else if (sql.startsWith("/*", i)) {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (ch in closing) {
      const close = closing[ch];
      let j = i + 1;
      let text = "";
      while (j < sql.length) {
        if (sql[j] === close) {
          if (close !== "]" && sql[j + 1] === close) {
            text += close;
            j += 2;
            continue;
          }
          break;
        }
        text += sql[j++];
      }
      const end = j + 1;
      tokens.push(
        ch === "'"
          ? { kind: "string", text: sql.slice(i, end), start: i, end }
          : { kind: "name", text, start: i, end },
      );
      i = end;
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(sql[i + 1] ?? ""))) {
      const m = /^[0-9.]+(?:e[+-]?[0-9]+)?/i.exec(sql.slice(i))!;
      tokens.push({ kind: "number", text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
    } else if (/[\p{L}_]/u.test(ch)) {
      const m = /^[\p{L}\p{N}_$]+/u.exec(sql.slice(i))!;
      tokens.push({ kind: "word", text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
    } else {
      const text = /^(?:<>|<=|>=|==|!=|\|\||<<|>>)/.exec(sql.slice(i))?.[0] ?? ch;
      tokens.push({ kind: "punct", text, start: i, end: i + text.length });
      i += text.length;
    }
  }
  return tokens;
}

const isWord = (t: Token | undefined, word: string) => t?.kind === "word" && t.text.toUpperCase() === word;

/** The index of the token closing the parenthesis opened at `open`. */
function matching(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].text === "(" && tokens[i].kind === "punct") depth++;
    if (tokens[i].text === ")" && tokens[i].kind === "punct" && --depth === 0) return i;
  }
  throw new Error("unbalanced parentheses in schema SQL");
}

/** Splits tokens[from, to) at top-level commas. */
function splitCommas(tokens: Token[], from: number, to: number): Token[][] {
  const parts: Token[][] = [[]];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind === "punct" && t.text === "(") {
      const close = matching(tokens, i);
      parts[parts.length - 1].push(...tokens.slice(i, close + 1));
      i = close;
    } else if (t.kind === "punct" && t.text === ",") {
      parts.push([]);
    } else {
      parts[parts.length - 1].push(t);
    }
  }
  return parts.filter((p) => p.length > 0);
}

/** The source text inside the parentheses opened at tokens[open]. */
function inside(sql: string, tokens: Token[], open: number): string {
  const close = matching(tokens, open);
  return sql.slice(tokens[open].end, tokens[close].start).trim();
}

export interface ParsedCheck {
  name?: string;
  expression: string;
}

export interface ParsedColumn {
  autoincrement: boolean;
  generated?: { expression: string; stored: boolean };
}

export interface ParsedTable {
  columns: Map<string, ParsedColumn>;
  checks: ParsedCheck[];
}

const TABLE_CONSTRAINT = new Set(["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"]);

/** Reads check constraints (table and column level) and per-column details from CREATE TABLE text. */
export function parseCreateTable(sql: string): ParsedTable {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((t) => t.kind === "punct" && t.text === "(");
  const table: ParsedTable = { columns: new Map(), checks: [] };
  if (open === -1) return table;
  for (const def of splitCommas(tokens, open + 1, matching(tokens, open))) {
    const isConstraint = def[0].kind === "word" && TABLE_CONSTRAINT.has(def[0].text.toUpperCase());
    const column: ParsedColumn = { autoincrement: false };
    let constraintName: string | undefined;
    for (let i = isConstraint ? 0 : 1; i < def.length; i++) {
      const t = def[i];
      if (isWord(t, "CONSTRAINT")) {
        constraintName = def[i + 1].text;
        i++;
      } else if (isWord(t, "CHECK")) {
        const expression = inside(sql, tokens, tokens.indexOf(def[i + 1]));
        table.checks.push(constraintName === undefined ? { expression } : { name: constraintName, expression });
        i = def.indexOf(tokens[matching(tokens, tokens.indexOf(def[i + 1]))]);
        constraintName = undefined;
      } else if (isWord(t, "AUTOINCREMENT")) {
        column.autoincrement = true;
      } else if (isWord(t, "AS") && def[i + 1]?.text === "(") {
        const at = tokens.indexOf(def[i + 1]);
        const end = def.indexOf(tokens[matching(tokens, at)]);
        column.generated = { expression: inside(sql, tokens, at), stored: isWord(def[end + 1], "STORED") };
        i = end;
      } else if (t.kind === "punct" && t.text === "(") {
        i = def.indexOf(tokens[matching(tokens, tokens.indexOf(t))]);
      }
    }
    if (!isConstraint) table.columns.set(def[0].text, column);
  }
  return table;
}

export interface ParsedIndex {
  /** Each indexed term's text, without a trailing COLLATE, ASC or DESC. */
  terms: string[];
  where?: string;
}

/** Reads the indexed terms and the partial-index predicate from CREATE INDEX text. */
export function parseCreateIndex(sql: string): ParsedIndex {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((t) => t.kind === "punct" && t.text === "(");
  const close = matching(tokens, open);
  const terms = splitCommas(tokens, open + 1, close).map((term) => {
    let last = term.length - 1;
    if (isWord(term[last], "ASC") || isWord(term[last], "DESC")) last--;
    if (last >= 1 && isWord(term[last - 1], "COLLATE")) last -= 2;
    return sql.slice(term[0].start, term[last].end);
  });
  const where = tokens.findIndex((t, i) => i > close && isWord(t, "WHERE"));
  return where === -1 ? { terms } : { terms, where: sql.slice(tokens[where].end).trim() };
}

const isOperator = (t: Token | undefined) => t?.kind === "punct" && !"(),.".includes(t.text);

/**
 * `sql` with one layout: one space between tokens and around operators, none inside
 * parentheses, before a comma, around a dot or after a unary sign; a space before `(` only
 * where there was one. Quoted text is kept as written.
 */
export function canonicalSpacing(sql: string): string {
  const tokens = tokenize(sql);
  let out = "";
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const before = tokens[i - 2];
    const unarySign = (prev?.text === "-" || prev?.text === "+") && (before === undefined || before.text === "(" || before.text === "," || isOperator(before));
    const tight =
      prev === undefined ||
      prev.text === "(" ||
      prev.text === "." ||
      t.text === ")" ||
      t.text === "," ||
      t.text === "." ||
      unarySign ||
      (t.text === "(" && prev.end === t.start);
    out += (tight ? "" : " ") + sql.slice(t.start, t.end);
  });
  return out;
}

/**
 * `sql` without `table.` before its column names. In a check, a generated column or an index,
 * only the table's own columns are in scope, so `"posts"."title"` (drizzle's form) means
 * `"title"`; the qualified form also breaks the table recreate, whose new table has another name.
 */
export function withoutQualifier(sql: string, table: string): string {
  const tokens = tokenize(sql);
  let out = "";
  let from = 0;
  tokens.forEach((t, i) => {
    const dot = tokens[i + 1];
    const column = tokens[i + 2];
    const names = (x: Token | undefined) => x !== undefined && (x.kind === "name" || x.kind === "word");
    if (names(t) && t.text.toLowerCase() === table.toLowerCase() && dot?.text === "." && dot.kind === "punct" && names(column)) {
      out += sql.slice(from, t.start);
      from = column.start;
    }
  });
  return out + sql.slice(from);
}
