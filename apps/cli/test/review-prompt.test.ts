// The terminal question for a rename that could be meant more than one way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { RenameError, upgrade, type RenameAmbiguity } from "@driftwood/core";
import { scratchSqlite } from "@driftwood/testkit";
import { askRename } from "../src/prompt.ts";
import { generateMigration, openProject } from "../src/index.ts";
import { tempProject } from "./project.ts";

const ambiguity: RenameAmbiguity = {
  kind: "column",
  table: "users",
  from: ["nickname"],
  to: ["alias", "handle"],
  candidates: ["users.nickname=users.alias", "users.nickname=users.handle"],
};

/** Answers `lines` to the question and returns what it chose and what it wrote. */
async function ask(lines: string[], end = false): Promise<{ choice: string | undefined; shown: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = "";
  output.on("data", (c: Buffer) => (shown += c.toString()));
  const choice = askRename(ambiguity, input, output);
  for (const line of lines) input.write(`${line}\n`);
  if (end) input.end();
  return { choice: await choice, shown };
}

test("the question numbers every pairing and drop-and-add, and asks again on a bad answer", async () => {
  const { choice, shown } = await ask(["9", "two", "2"]);
  assert.equal(choice, "users.nickname=users.handle");
  assert.equal(
    shown.split("\n").slice(0, 4).join("\n"),
    [
      "column users.nickname may have been renamed to users.alias or users.handle:",
      "  1) rename users.nickname to users.alias",
      "  2) rename users.nickname to users.handle",
      "  3) none: drop and add (the data is lost)",
    ].join("\n"),
  );
  assert.equal(shown.match(/answer a number from 1 to 3/g)?.length, 2);
  assert.equal((await ask(["3"])).choice, undefined);
  await assert.rejects(ask([], true), (e: unknown) => e instanceof RenameError && /^no answer for column users\.nickname/.test(e.message));
});

test("the answer decides the migration: the chosen pairing is renamed, the other column added", async () => {
  const db = await scratchSqlite();
  const p = tempProject();
  const users = (columns: string) =>
    `import { sqliteTable, integer, text } from "drizzle-orm/sqlite-core";\nexport const users = sqliteTable("users", { id: integer("id").primaryKey(), ${columns} });\n`;
  try {
    // A module imported once stays cached in this process: the changed models get their own file.
    const config = { dialect: "sqlite" as const, schema: "./schema.ts", url: db.url };
    p.write("schema.ts", users(`nickname: text("nickname")`));
    await generateMigration(await openProject({ config, cwd: p.dir }), { message: "users" });
    await upgrade(await openProject({ config, cwd: p.dir }), "head");

    p.write("changed.ts", users(`alias: text("alias"), handle: text("handle")`));
    const asked: string[] = [];
    const result = await generateMigration(await openProject({ config: { ...config, schema: "./changed.ts" }, cwd: p.dir }), {
      message: "handle",
      revision: "handle",
      ambiguousRenames: async (a) => {
        asked.push(a.candidates.join(" "));
        return a.candidates[1];
      },
    });
    assert.deepEqual(asked, ["users.nickname=users.alias users.nickname=users.handle"]);
    const file = readFileSync(join(p.dir, "migrations", p.migrations().find((f) => f.startsWith("handle_"))!), "utf8");
    assert.equal(result.file, join(p.dir, "migrations", "handle_handle.ts"));
    assert.match(file, /op\.renameColumn\(\{ table: "users", from: "nickname", to: "handle" \}\);/);
    assert.match(file, /op\.addColumn\(\{ table: "users", column: \{ name: "alias"/);
    assert.doesNotMatch(file, /dropColumn\(\{ table: "users", column: \{ name: "nickname"/);
  } finally {
    p.remove();
    await db.drop();
  }
});
