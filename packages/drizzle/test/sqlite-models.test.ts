import { test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { schemaFromModules } from "../src/index.ts";
import * as trivia from "../../../fixtures/trivia/schema.ts";

const load = (exports: Record<string, unknown>, file = "models.ts") => schemaFromModules([{ file, exports }], "sqlite");

test("the trivia models load as four tables with their keys, checks and indexes", () => {
  const schema = load(trivia, "fixtures/trivia/schema.ts");
  assert.deepEqual(schema.tables.map((t) => t.name), ["answers", "games", "questions", "users"]);
  const answers = schema.tables[0];
  assert.deepEqual(answers.primaryKey?.columns, ["question_id", "user_id"]);
  assert.deepEqual(
    answers.foreignKeys.map((f) => [f.columns, f.references.name, f.onDelete]),
    [[["question_id"], "questions", "cascade"], [["user_id"], "users", "cascade"]],
  );
  assert.deepEqual(answers.columns.find((c) => c.name === "correct"), { name: "correct", type: "integer", notNull: true, default: "false" });
  assert.deepEqual(answers.indexes, [{ name: "answers_user_idx", unique: false, columns: [{ value: "user_id" }] }]);
  const questions = schema.tables[2];
  assert.deepEqual(questions.uniques, [{ name: "questions_game_position_unique", columns: ["game_id", "position"] }]);
  assert.deepEqual(questions.checks, [{ name: "questions_points_positive", expression: '"questions"."points" > 0' }]);
  const users = schema.tables[3];
  assert.deepEqual(users.uniques, [{ name: "users_username_unique", columns: ["username"] }]);
  assert.deepEqual(users.columns[0], { name: "id", type: "integer", notNull: true, autoincrement: true });
  assert.equal(users.columns.find((c) => c.name === "created_at")?.default, "(unixepoch())");
});

test("defaults are written as drizzle-kit writes them", () => {
  const t = sqliteTable("t", {
    quoted: text("quoted").default("it's"),
    json: text("json", { mode: "json" }).default({ a: [1, "b"] }),
    flag: integer("flag", { mode: "boolean" }).default(true),
    n: integer("n").default(-3),
    expr: text("expr").default(sql`(lower('X'))`),
  });
  assert.deepEqual(
    load({ t }).tables[0].columns.map((c) => c.default),
    ["'it''s'", `'{"a":[1,"b"]}'`, "true", "-3", "(lower('X'))"],
  );
});

test("a table exported from two files counts once; two tables with one name are an error", () => {
  const a = sqliteTable("same", { id: integer("id") });
  const b = sqliteTable("same", { id: integer("id") });
  assert.equal(schemaFromModules([{ file: "a.ts", exports: { a } }, { file: "index.ts", exports: { a, other: 1 } }], "sqlite").tables.length, 1);
  assert.throws(() => schemaFromModules([{ file: "a.ts", exports: { a } }, { file: "b.ts", exports: { b } }], "sqlite"), /"same" is defined twice, in a\.ts and b\.ts/);
});
