export { renderMigrationFile, renderEmptyMigrationFile, type MigrationFile, type MigrationHeader } from "./render.ts";
export { renderLiteral } from "./literal.ts";
export { slugify } from "./slug.ts";
