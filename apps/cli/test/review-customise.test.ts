// What a project changes about new migrations (template, post-write hooks) and what CI forbids in them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_TEMPLATE } from "@driftwood/codegen";
import { scratchSqlite } from "@driftwood/testkit";
import { tempProject, type CliResult } from "./project.ts";

function ok(r: CliResult): CliResult {
  assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

const users = (columns: string) =>
  `import { sqliteTable, integer, text } from "drizzle-orm/sqlite-core";\nexport const users = sqliteTable("users", { id: integer("id").primaryKey(), ${columns} });\n`;

test("a migrations/script.ts.template and post-write hooks shape the file; a failing hook warns and keeps it", async () => {
  const db = await scratchSqlite();
  const p = tempProject();
  try {
    p.write(
      "driftwood.config.ts",
      `export default {
  dialect: "sqlite", schema: "./schema.ts", url: ${JSON.stringify(db.url)},
  hooks: { postWrite: [
    "node -e \\"require('fs').appendFileSync(process.argv[1], '// formatted\\\\n')\\" {file}",
    "echo 'prettier: not found' >&2; exit 3",
    (file) => { if (!file.endsWith(".ts")) throw new Error("not a migration"); },
  ] },
};\n`,
    );
    p.write("migrations/script.ts.template", DEFAULT_TEMPLATE.replace("{{header}}\n", "{{header}}\n// Reviewed by: (fill in)\n"));
    p.write("schema.ts", users(`name: text("name")`));
    const r = ok(p.launch("migrate", "-m", "users", "--rev-id", "first"));
    assert.equal(
      r.stderr,
      "warning: post-write hook `echo 'prettier: not found' >&2; exit 3` failed (exit 3: prettier: not found); " +
        `${join(p.dir, "migrations", "first_users.ts")} is kept as generated\n`,
    );
    const file = readFileSync(join(p.dir, "migrations", "first_users.ts"), "utf8");
    assert.match(file, /^\/\*\*\n \* users\n[^]* \*\/\n\/\/ Reviewed by: \(fill in\)\nimport type \{ MigrationOps \} from "driftwood";\n/);
    assert.match(file, /\n}\n\/\/ formatted\n$/);
    ok(p.cli("upgrade"));

    p.write("migrations/script.ts.template", DEFAULT_TEMPLATE.replace("{{parents}}", "{{parent}}"));
    p.write("schema.ts", users(`name: text("name"), email: text("email")`));
    const bad = p.cli("migrate", "-m", "email");
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /^error: migration template .*script\.ts\.template: unknown placeholder \{\{parent\}\} \(known: /);
    assert.equal(p.migrations().filter((f) => f.endsWith(".ts")).length, 1);
  } finally {
    p.remove();
    await db.drop();
  }
});

test("--fail-on-hazard refuses a migration with hazards of the kinds named, writing nothing", async () => {
  const db = await scratchSqlite();
  const p = tempProject();
  try {
    p.write("driftwood.config.ts", `export default { dialect: "sqlite", schema: "./schema.ts", url: ${JSON.stringify(db.url)} };\n`);
    p.write("schema.ts", users(`name: text("name"), nickname: text("nickname")`));
    ok(p.cli("migrate", "-m", "users", "--fail-on-hazard"));
    ok(p.cli("upgrade"));

    p.write("schema.ts", users(`name: text("name")`));
    const refused = p.cli("migrate", "-m", "drop nickname", "--fail-on-hazard");
    assert.equal(refused.code, 1, refused.stdout + refused.stderr);
    assert.deepEqual(refused.stderr.split("\n").slice(0, 3), [
      "error: the migration has 2 hazards of a refused kind (data-loss, irreversible-data); nothing written: review with --dry-run, change the models, or allow the kind",
      "  data-loss: drops column users.nickname and its data",
      "  irreversible-data: downgrade recreates column users.nickname empty: its values cannot be restored",
    ]);
    assert.equal(p.cli("migrate", "-m", "drop nickname", "--fail-on-hazard", "data-loss,lock").code, 1);
    assert.equal(p.migrations().length, 1);

    const unknown = p.cli("migrate", "-m", "drop nickname", "--fail-on-hazard", "data-los");
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^error: --fail-on-hazard: unknown hazard kind "data-los"; use some of data-loss, /);

    const allowed = ok(p.cli("migrate", "-m", "drop nickname", "--fail-on-hazard", "lock,table-rewrite"));
    assert.match(allowed.stdout, /\nHazards \(2\):\n {2}data-loss: drops column users\.nickname and its data\n/);
    assert.equal(p.migrations().length, 2);

    // --rev-id names the revision; one that exists or cannot be a file name is refused.
    ok(p.cli("upgrade"));
    ok(p.cli("revision", "-m", "by hand", "--rev-id", "hand_1"));
    assert.ok(p.migrations().includes("hand_1_by_hand.ts"));
    const again = p.cli("revision", "-m", "again", "--rev-id", "hand_1");
    assert.equal(again.code, 2);
    assert.match(again.stderr, /^error: revision hand_1 already exists in .*; pick another --rev-id\n/);
    assert.equal(p.cli("revision", "-m", "odd", "--rev-id", "a b").code, 2);
    assert.equal(p.migrations().length, 3);
  } finally {
    p.remove();
    await db.drop();
  }
});
