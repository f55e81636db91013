import { readFileSync } from "node:fs";
import { qualifiedKey } from "@driftwood/schema";
import { importModule } from "../modules.ts";
import type { Project } from "../project.ts";

/** Where the models declare a table: the module file, and the line of its declaration when found. */
export interface SourceLocation {
  file: string;
  line?: number;
}

/**
 * The declaring file of every model table (by `qualifiedKey`), from the loader run on one module
 * at a time; the line is that of the first `pgTable("name"`, `sqliteTable("name"` or
 * `.table("name"` in the file's text. A module the loader cannot read alone is skipped.
 */
export async function tableSources(project: Project): Promise<Map<string, SourceLocation>> {
  const sources = new Map<string, SourceLocation>();
  for (const file of await project.schemaFiles()) {
    let tables;
    try {
      const exports = await importModule(file);
      tables = project.toolkit.schemaFromModules([{ file, exports }], project.config.dialect).tables;
    } catch {
      continue;
    }
    const text = readFileSync(file, "utf8");
    for (const t of tables) {
      const key = qualifiedKey(t);
      if (!sources.has(key)) sources.set(key, { file, line: declarationLine(text, t.name) });
    }
  }
  return sources;
}

/** The 1-based line of a drizzle table declaration named `name`, if the text has one. */
export function declarationLine(text: string, name: string): number | undefined {
  const literal = [`"${name.replaceAll('"', '\\"')}"`, `'${name.replaceAll("'", "\\'")}'`, `\`${name}\``]
    .map((q) => q.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&"))
    .join("|");
  const found = new RegExp(`(?:\\b(?:pgTable|sqliteTable|mysqlTable)|\\.table)\\s*(?:<[^>]*>)?\\(\\s*(?:${literal})`, "u").exec(text);
  if (!found) return undefined;
  return text.slice(0, found.index).split("\n").length;
}
