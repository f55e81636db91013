import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "@driftwood/testkit";
import { ConfigError } from "../src/errors.ts";
import { loadConfig, resolveConfig } from "../src/config.ts";

test("finds driftwood.config.ts before drizzle.config.ts and resolves paths against its folder", async () => {
  const t = tempDir();
  try {
    writeFileSync(join(t.dir, "drizzle.config.ts"), `export default { dialect: "sqlite", schema: "./a.ts", dbCredentials: { url: "file:./drizzle.db" }, out: "./drizzle" };\n`);
    const drizzle = await loadConfig({ cwd: t.dir });
    assert.equal(drizzle.file, join(t.dir, "drizzle.config.ts"));
    assert.equal(drizzle.url, join(t.dir, "drizzle.db"));
    assert.equal(drizzle.migrations, join(t.dir, "drizzle"));
    assert.deepEqual(drizzle.schema, [join(t.dir, "a.ts")]);
    assert.equal(drizzle.versionTable, "driftwood_version");

    writeFileSync(
      join(t.dir, "driftwood.config.ts"),
      `const defineConfig = (c: object) => c;\nexport default defineConfig({ dialect: "postgresql", schema: ["./db/*.ts"], url: "postgres://u:p@h/db", versionTable: "versions" });\n`,
    );
    const own = await loadConfig({ cwd: t.dir });
    assert.equal(own.dialect, "postgresql");
    assert.equal(own.url, "postgres://u:p@h/db");
    assert.equal(own.migrations, join(t.dir, "migrations"));
    assert.equal(own.versionTable, "versions");
    const pglite = (url: string) => resolveConfig({ dialect: "postgresql", schema: "s.ts", url }, { root: "/app" }).url;
    assert.equal(pglite("pglite:./data"), "pglite:/app/data");
    assert.equal(pglite("pglite://memory"), "pglite://memory");
    assert.equal(pglite("pglite:/var/pg"), "pglite:/var/pg");
    const drizzlePglite = resolveConfig({ dialect: "postgresql", driver: "pglite", schema: "s.ts", dbCredentials: { url: "./pg" } }, { root: "/app" });
    assert.equal(drizzlePglite.url, "pglite:/app/pg");
  } finally {
    t.remove();
  }
});

test("every config problem is a one-line ConfigError naming the file", async () => {
  const t = tempDir();
  try {
    let n = 0;
    // A module is imported once per process, so each case gets its own file.
    const rejects = async (source: string, message: RegExp) => {
      const file = `bad${++n}.config.ts`;
      writeFileSync(join(t.dir, file), source);
      await assert.rejects(loadConfig({ cwd: t.dir, configPath: file }), (e: Error) => {
        assert.ok(e instanceof ConfigError);
        assert.match(e.message.split("\n")[0]!, message);
        return true;
      });
    };
    await rejects(`export const x = 1;\n`, /config .*bad\d.config.ts has no default export; export default defineConfig/);
    await rejects(`throw new Error("boom");\n`, /cannot load config .*bad\d.config.ts: boom; fix the error in that file/);
    await rejects(`export default { dialect: "turso", schema: "a.ts" };\n`, /unsupported dialect "turso" in .*bad\d.config.ts/);
    await rejects(`export default { dialect: "sqlite" };\n`, /no schema \(model files\) given in .*bad\d.config.ts/);
    await rejects(`export default { dialect: "sqlite", schema: "a.ts", ignore: [1] };\n`, /ignore must be a string or a list of strings in .*bad\d.config.ts/);
    await assert.rejects(loadConfig({ cwd: t.dir, configPath: "none.ts" }), /config file .*none.ts not found; check the --config path/);
  } finally {
    t.remove();
  }
});

test("ignore, tablesFilter, schemaFilter and include decide which tables count; the version tables never do", () => {
  const config = resolveConfig(
    {
      dialect: "postgresql",
      schema: "s.ts",
      ignore: ["apscheduler_*", "audit.log_*"],
      tablesFilter: ["*", "!tmp_*"],
      schemaFilter: ["public", "audit"],
      include: (o) => o.name !== "hidden",
    },
    { root: "/x" },
  );
  const kept = (name: string, schema?: string) => config.filter({ name, schema });
  assert.equal(kept("users"), true);
  assert.equal(kept("driftwood_version"), false);
  assert.equal(kept("driftwood_version_applied"), false);
  assert.equal(kept("apscheduler_jobs"), false);
  assert.equal(kept("log_2024", "audit"), false);
  assert.equal(kept("events", "audit"), true);
  assert.equal(kept("log_2024"), true, "audit.log_* only matches in audit");
  assert.equal(kept("tmp_import"), false);
  assert.equal(kept("users", "other"), false);
  assert.equal(kept("hidden"), false);
});
