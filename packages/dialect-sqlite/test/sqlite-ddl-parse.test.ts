import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeDefault } from "../src/sqlite-normalize.ts";
import { canonicalSpacing, parseCreateIndex, parseCreateTable, withoutQualifier } from "../src/sqlite-ddl-parse.ts";

test("checks, generated columns and AUTOINCREMENT are read from CREATE TABLE", () => {
  const t = parseCreateTable(`CREATE TABLE "a ""b"" c" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    [price] real CHECK (price > 0) -- a comment, with a comma
    , "total" real GENERATED ALWAYS AS (price * (1 + 0.2)) STORED,
    v text AS (lower("my, col")),
    CONSTRAINT "named, check" CHECK(length('a)b') < (3)),
    CHECK ("a ""b"" c"."price" <> 0),
    FOREIGN KEY (id) REFERENCES other(id)
  )`);
  assert.deepEqual(t.checks, [
    { expression: "price > 0" },
    { name: "named, check", expression: "length('a)b') < (3)" },
    { expression: '"a ""b"" c"."price" <> 0' },
  ]);
  assert.deepEqual([...t.columns.keys()], ["id", "price", "total", "v"]);
  assert.equal(t.columns.get("id")?.autoincrement, true);
  assert.equal(t.columns.get("price")?.autoincrement, false);
  assert.deepEqual(t.columns.get("total")?.generated, { expression: "price * (1 + 0.2)", stored: true });
  assert.deepEqual(t.columns.get("v")?.generated, { expression: 'lower("my, col")', stored: false });
});

test("index terms and the partial predicate are read from CREATE INDEX", () => {
  assert.deepEqual(parseCreateIndex(`CREATE UNIQUE INDEX "i" ON "t" (lower("a, b") DESC, b COLLATE nocase ASC, (c + 1)) WHERE c > 0 AND "d" = 'x'`), {
    terms: ['lower("a, b")', "b", "(c + 1)"],
    where: `c > 0 AND "d" = 'x'`,
  });
  assert.deepEqual(parseCreateIndex("CREATE INDEX i ON t(a)"), { terms: ["a"] });
});

test("expressions lose their own table's qualifier and get one layout", () => {
  assert.equal(withoutQualifier(`"posts"."title" <> posts.x AND "other"."y" = 'posts.z'`, "posts"), `"title" <> x AND "other"."y" = 'posts.z'`);
  const canonical = `length("a", 2) > 0 AND "t"."b" >= -1 AND c IN (1, 2) AND 'x  y' <> 'z'`;
  assert.equal(canonicalSpacing(`length( "a"  ,2 )>0 AND "t" . "b">=-1 AND c IN (1,2) AND 'x  y'<>'z'`), canonical);
  assert.equal(canonicalSpacing(canonical), canonical);
});

test("decimal numbers stay one token: a real default 0.5 is not split into 0 .5", () => {
  assert.equal(canonicalSpacing("0.5"), "0.5");
  assert.equal(canonicalSpacing("x>=-1.5e3 AND y<.25 AND z=7"), "x >= -1.5e3 AND y < .25 AND z = 7");
  assert.equal(normalizeDefault("(0.5)"), "0.5");
});
