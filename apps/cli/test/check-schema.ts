// The JSON Schema of `check --json`, read from docs/check-json.md, and a validator for the part of
// JSON Schema that block uses (type, const, enum, properties, required, additionalProperties,
// items, minimum, $ref to $defs), so the documentation is what the tests hold the output to.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minimum?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

const DOC = resolve(dirname(fileURLToPath(import.meta.url)), "../../../docs/check-json.md");

/** The first JSON block under the doc's `## heading`. */
export function documentedJson(heading: string): unknown {
  const text = readFileSync(DOC, "utf8");
  const section = text.slice(text.indexOf(`## ${heading}\n`));
  const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (block === undefined) throw new Error(`no JSON block under "## ${heading}" in ${DOC}`);
  return JSON.parse(block);
}

export const documentedSchema = () => documentedJson("JSON Schema") as JsonSchema;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (Number.isInteger(value)) return "integer";
  return typeof value;
}

/** Every place where `value` breaks `schema`, as `path: problem`; empty when it conforms. */
export function validate(value: unknown, schema: JsonSchema, root: JsonSchema = schema, path = "$"): string[] {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace("#/$defs/", "");
    const target = root.$defs?.[name];
    if (target === undefined) return [`${path}: unknown $ref ${schema.$ref}`];
    return validate(value, target, root, path);
  }
  const errors: string[] = [];
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const fits = types.some((t) => t === actual || (t === "number" && actual === "integer"));
    if (!fits) return [`${path}: ${actual} where ${types.join(" or ")} is expected`];
  }
  if ("const" in schema && value !== schema.const) errors.push(`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (schema.minimum !== undefined && typeof value === "number" && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
  if (actual === "object") {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) errors.push(`${path}: missing ${key}`);
    for (const [key, v] of Object.entries(object)) {
      const sub = schema.properties?.[key];
      if (sub) errors.push(...validate(v, sub, root, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected field ${key}`);
    }
  }
  if (actual === "array" && schema.items) {
    (value as unknown[]).forEach((item, i) => errors.push(...validate(item, schema.items!, root, `${path}[${i}]`)));
  }
  return errors;
}
