/** Lines are broken once a literal would run past this column. */
export const MAX_WIDTH = 100;

/**
 * Object keys in the order a reader expects them (names first, then shape, then details);
 * keys not listed follow in alphabetical order. The order never depends on how an op was built.
 */
const KEY_ORDER = [
  "schema",
  "table",
  "name",
  "from",
  "to",
  "inferred",
  "enum",
  "sequence",
  "column",
  "type",
  "typeSchema",
  "dimensions",
  "notNull",
  "default",
  "identity",
  "generated",
  "autoincrement",
  "columns",
  "primaryKey",
  "foreignKeys",
  "uniques",
  "checks",
  "indexes",
  "foreignKey",
  "unique",
  "check",
  "index",
  "references",
  "onDelete",
  "onUpdate",
  "nullsNotDistinct",
  "value",
  "expression",
  "stored",
  "desc",
  "nulls",
  "opclass",
  "method",
  "where",
  "concurrently",
  "values",
  "always",
  "sequenceName",
  "increment",
  "minValue",
  "maxValue",
  "start",
  "cache",
  "cycle",
];
const rank = new Map(KEY_ORDER.map((key, i) => [key, i]));

function entries(object: object): [string, unknown][] {
  const position = (key: string) => rank.get(key) ?? KEY_ORDER.length;
  return Object.entries(object)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => position(a) - position(b) || (a < b ? -1 : a > b ? 1 : 0));
}

const propertyName = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

/**
 * `value` on one line, or undefined once it would be longer than `limit` characters: a literal
 * that cannot fit is not written out in full at every level of its nesting.
 */
function flat(value: unknown, limit = Infinity): string | undefined {
  if (value !== null && typeof value === "object") {
    const [open, close, items] = Array.isArray(value)
      ? ["[", "]", value.map((v): [string, unknown] => ["", v])]
      : ["{ ", " }", entries(value).map(([k, v]): [string, unknown] => [`${propertyName(k)}: `, v])];
    if (items.length === 0) return Array.isArray(value) ? "[]" : "{}";
    let length = open.length + close.length - 2;
    const parts: string[] = [];
    for (const [head, v] of items) {
      const part = flat(v, limit - length - head.length - 2);
      if (part === undefined) return undefined;
      parts.push(head + part);
      length += head.length + part.length + 2;
      if (length > limit) return undefined;
    }
    return `${open}${parts.join(", ")}${close}`;
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null) {
    const text = JSON.stringify(value);
    return text.length <= limit ? text : undefined;
  }
  throw new Error(`cannot write ${typeof value} as a literal`);
}

/**
 * `value` as a TypeScript literal starting at `column` of a line indented by `indent` spaces:
 * on one line when it fits, otherwise one property or element per line with trailing commas.
 * `width` is the room left for the line after the indentation the text will be placed at.
 * Fields that are `undefined` are left out.
 */
export function renderLiteral(value: unknown, indent = 0, column = indent, width = MAX_WIDTH): string {
  if (value === null || typeof value !== "object") return flat(value)!;
  const oneLine = flat(value, width - column - 2);
  if (oneLine !== undefined) return oneLine;
  const inner = " ".repeat(indent + 2);
  const lines = Array.isArray(value)
    ? value.map((v) => `${inner}${renderLiteral(v, indent + 2, inner.length, width)},`)
    : entries(value).map(([k, v]) => {
        const head = `${inner}${propertyName(k)}: `;
        return `${head}${renderLiteral(v, indent + 2, head.length, width)},`;
      });
  if (lines.length === 0) return flat(value)!;
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${lines.join("\n")}\n${" ".repeat(indent)}${close}`;
}
