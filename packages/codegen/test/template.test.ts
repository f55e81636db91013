import { test } from "node:test";
import assert from "node:assert/strict";
import type { Op } from "@driftwood/schema";
import { DEFAULT_TEMPLATE, renderEmptyMigrationFile, renderMigrationFile, TemplateError } from "../src/index.ts";

const header = { revision: "a1b2c3d4e5f6", parents: ["0f9e8d7c6b5a"], message: "add nickname", createdAt: "2026-11-25T12:00:00.000Z" };
const upgrade: Op[] = [{ kind: "addColumn", table: "users", column: { name: "nickname", type: "text", notNull: false } }];
const m = { ...header, upgrade, downgrade: [{ ...upgrade[0]!, kind: "dropColumn" } as Op] };

test("the default template spelled out gives the same bytes as no template", () => {
  assert.equal(renderMigrationFile(m, { text: DEFAULT_TEMPLATE, file: "script.ts.template" }), renderMigrationFile(m));
  assert.equal(renderEmptyMigrationFile(header, { text: DEFAULT_TEMPLATE, file: "t" }), renderEmptyMigrationFile(header));
});

test("a custom template: its own layout, bodies indented like their placeholders, literals in place", () => {
  const text = `{{header}}
// reviewed-by: nobody yet
import type { MigrationOps } from "driftwood";

export const revision = {{revision}}, parents = {{parents}};
export const meta = { message: {{message}}, at: {{createdAt}} };

export function upgrade(op: MigrationOps) {
    {{upgrade}}
}
export function downgrade(op: MigrationOps) {
    {{downgrade}}
}
`;
  const file = renderMigrationFile(m, { text, file: "migrations/script.ts.template" });
  assert.match(file, /^\/\*\*\n \* add nickname\n \*\n \* Revision: a1b2c3d4e5f6\n/);
  assert.match(file, /\n\/\/ reviewed-by: nobody yet\n/);
  assert.match(file, /export const revision = "a1b2c3d4e5f6", parents = \["0f9e8d7c6b5a"\];/);
  assert.match(file, /export const meta = \{ message: "add nickname", at: "2026-11-25T12:00:00.000Z" \};/);
  assert.match(file, /\n {4}op\.addColumn\(\{ table: "users", column: \{ name: "nickname", type: "text", notNull: false \} \}\);\n\}/);
  assert.match(file, /\n {4}\/\/ data loss: drops column users\.nickname and its data\n {4}op\.dropColumn\(/);
});

test("a template that cannot give a migration fails naming the template and the fix", () => {
  const fails = (text: string, why: RegExp) =>
    assert.throws(
      () => renderMigrationFile(m, { text, file: "migrations/script.ts.template" }),
      (e: unknown) => e instanceof TemplateError && /^migration template migrations\/script\.ts\.template: /.test(e.message) && why.test(e.message),
    );
  fails(DEFAULT_TEMPLATE.replace("{{message}}", "{{mesage}}"), /unknown placeholder \{\{mesage\}\}/);
  fails(DEFAULT_TEMPLATE.replace("{{downgrade}}", ""), /missing \{\{downgrade\}\}/);
  fails(DEFAULT_TEMPLATE.replace("= {{revision}};", "= {{revision}} {{upgrade}};"), /\{\{upgrade\}\} must stand alone on its line/);
  fails(DEFAULT_TEMPLATE.replace("void {\n  {{upgrade}}", "void {{\n  {{upgrade}}"), /not valid TypeScript \(line \d+: /);
});
