export { renderMigrationFile, renderEmptyMigrationFile, type MigrationFile, type MigrationHeader } from "./render.ts";
export { DEFAULT_TEMPLATE, TEMPLATE_FILE, TemplateError, type Template } from "./template.ts";
export { renderLiteral } from "./literal.ts";
export { slugify } from "./slug.ts";
