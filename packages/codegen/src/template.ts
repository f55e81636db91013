import { createRequire } from "node:module";
import type { ts as TypeScript } from "ts-morph";

/** The TypeScript compiler, which only a project's own template needs: loading it costs half a second. */
const typescript = (): typeof TypeScript => (createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph")).ts;

/**
 * The layout of a new migration file. A project replaces it with `script.ts.template` in its
 * migrations folder (as Alembic's `script.py.mako`). Placeholders:
 *
 * - `{{header}}`: the doc comment (message, revision, parents, date, a line per table);
 * - `{{revision}}`, `{{parents}}`, `{{message}}`, `{{createdAt}}`: TypeScript literals;
 * - `{{upgrade}}`, `{{downgrade}}`: the op calls, each line indented like the placeholder.
 *
 * `{{header}}`, `{{upgrade}}` and `{{downgrade}}` stand alone on their lines; an empty body
 * removes its line.
 */
export const DEFAULT_TEMPLATE = `{{header}}
import type { MigrationOps } from "driftwood";

export const revision = {{revision}};
export const parents: string[] = {{parents}};
export const message = {{message}};
export const createdAt = {{createdAt}};

export function upgrade(op: MigrationOps): void {
  {{upgrade}}
}

export function downgrade(op: MigrationOps): void {
  {{downgrade}}
}
`;

/** The file name a project's own template has in its migrations folder. */
export const TEMPLATE_FILE = "script.ts.template";

/** A template that is not usable; the message names the template and what to fix. */
export class TemplateError extends Error {}

/** A custom template and where it comes from (for messages). */
export interface Template {
  text: string;
  file: string;
}

/** What fills a template: block lines as a function of their indentation, inline values of the column they start at. */
export interface TemplateValues {
  blocks: Record<"header" | "upgrade" | "downgrade", (indent: number) => string[]>;
  inline: Record<"revision" | "parents" | "message" | "createdAt", (column: number) => string>;
}

const REQUIRED = ["revision", "parents", "upgrade", "downgrade"];
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Fills `template` in; the result must parse as TypeScript. */
export function fillTemplate(template: Template, values: TemplateValues): string {
  const fail = (why: string): never => {
    throw new TemplateError(`migration template ${template.file}: ${why}; fix the template or delete it to use the default`);
  };
  const names = [...template.text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  const known = [...Object.keys(values.blocks), ...Object.keys(values.inline)];
  const unknown = names.find((n) => !known.includes(n));
  if (unknown !== undefined) fail(`unknown placeholder {{${unknown}}} (known: ${known.map((k) => `{{${k}}}`).join(", ")})`);
  const missing = REQUIRED.filter((n) => !names.includes(n));
  if (missing.length > 0) fail(`missing ${missing.map((k) => `{{${k}}}`).join(", ")}`);

  const out: string[] = [];
  for (const line of template.text.split("\n")) {
    const block = /^(\s*)\{\{(header|upgrade|downgrade)\}\}\s*$/.exec(line);
    if (block) {
      const indent = block[1]!;
      const lines = values.blocks[block[2] as keyof TemplateValues["blocks"]](indent.length);
      out.push(...lines.map((l) => indentLines(l, indent)));
      continue;
    }
    out.push(
      line.replace(PLACEHOLDER, (match, name: string, offset: number) => {
        if (!(name in values.inline)) fail(`{{${name}}} must stand alone on its line`);
        return values.inline[name as keyof TemplateValues["inline"]](offset);
      }),
    );
  }
  const source = out.join("\n");
  // The built-in template is proven by the golden tests; parsing a large migration again costs
  // the TypeScript compiler's memory for nothing, so only a project's own template is checked.
  if (template.text === DEFAULT_TEMPLATE) return source;
  const diagnostics = syntaxErrors(source);
  if (diagnostics.length > 0) {
    const d = diagnostics[0]!;
    const line = source.slice(0, d.start ?? 0).split("\n").length;
    fail(`the migration it gives is not valid TypeScript (line ${line}: ${typescript().flattenDiagnosticMessageText(d.messageText, " ")})`);
  }
  return source;
}

/**
 * The syntax errors of a TypeScript module: a parse alone, as fast for a thousand tables as for
 * one (`transpileModule` reports the same errors but also emits JavaScript nobody reads).
 */
function syntaxErrors(source: string): readonly TypeScript.Diagnostic[] {
  const ts = typescript();
  const file = ts.createSourceFile("migration.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const host: TypeScript.CompilerHost = {
    getSourceFile: (name) => (name === file.fileName ? file : undefined),
    fileExists: (name) => name === file.fileName,
    readFile: () => undefined,
    writeFile: () => {},
    getDefaultLibFileName: () => "lib.d.ts",
    getCurrentDirectory: () => "",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
  };
  const program = ts.createProgram([file.fileName], { noLib: true, noResolve: true, types: [] }, host);
  return program.getSyntacticDiagnostics(file);
}

function indentLines(text: string, indent: string): string {
  return text
    .split("\n")
    .map((l) => (l === "" ? l : indent + l))
    .join("\n");
}
