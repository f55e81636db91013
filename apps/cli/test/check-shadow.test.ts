// A pull request that changes a model without its migration: `check --shadow` fails and names the
// change; with the migration generated and added, it passes. No database server is involved.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { documentedSchema, validate } from "./check-schema.ts";
import { fixtureCopy, ok, type FixtureCopy } from "./pg-fixture.ts";
import type { CliResult } from "./project.ts";

/** Adds `line` to the model file after the line that contains `after`; returns the table's declaration line. */
function changeModel(app: FixtureCopy, after: string, line: string, declaration: string): number {
  const file = join(app.dir, "schema.ts");
  const text = readFileSync(file, "utf8");
  assert.ok(text.includes(after), `schema.ts has no ${after}`);
  writeFileSync(file, text.replace(after, `${after}\n${line}`));
  return text.split("\n").findIndex((l) => l.includes(declaration)) + 1;
}

function drift(r: CliResult): CliResult {
  assert.equal(r.code, 1, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

test("SQLite (trivia): check --shadow fails on a model change without its migration, passes with it; --json and --format github", () => {
  const app = fixtureCopy("trivia", "unused");
  try {
    assert.match(ok(app.db("check", "--shadow")).stdout, /No differences: the migrations produce the models/);
    const line = changeModel(app, "  title: text(\"title\").notNull(),", '  maxPlayers: integer("max_players").notNull(),', 'sqliteTable("games"');
    assert.ok(line > 1);

    const text = drift(app.db("check", "--shadow")).stdout;
    assert.match(
      text,
      new RegExp(`table games \\(schema.ts:${line}\\):\\n  \\+ column max_players: the models say integer not null; the migrations do not make it\\n`),
    );
    assert.match(text, /hazards of that change:\n  not-null-without-default: adds games.max_players NOT NULL without a default/);
    assert.match(text, /to fix: `driftwood migrate -m "MESSAGE"`$/m);

    const report = JSON.parse(drift(app.db("check", "--shadow", "--json")).stdout);
    assert.deepEqual(validate(report, documentedSchema()), []);
    assert.deepEqual([report.status, report.mode, report.target, report.reasons], ["drift", "shadow", ":memory:", ["differs"]]);
    assert.deepEqual(report.differences, [
      {
        kind: "missing",
        object: "column",
        op: "addColumn",
        table: "games",
        column: "max_players",
        expected: "integer not null",
        actual: null,
        file: "schema.ts",
        line,
      },
    ]);
    assert.deepEqual(report.hazards.map((h: { kind: string }) => h.kind), ["not-null-without-default"]);

    const github = drift(app.db("check", "--shadow", "--format", "github")).stdout.split("\n");
    assert.equal(
      github[0],
      `::error file=schema.ts,line=${line},title=driftwood check::table games: column max_players: the models say integer not null; the migrations do not make it; run \`driftwood migrate -m MESSAGE\``,
    );

    // The author adds the migration: generated against a local database at head.
    ok(app.db("upgrade"));
    ok(app.db("migrate", "-m", "max players"));
    assert.equal(app.migrations().length, 4);
    assert.match(ok(app.db("check", "--shadow")).stdout, /No differences: the migrations produce the models/);
    const clean = JSON.parse(ok(app.db("check", "--shadow", "--json")).stdout);
    assert.deepEqual(validate(clean, documentedSchema()), []);
    assert.deepEqual([clean.status, clean.differences, clean.commands], ["clean", [], []]);
    assert.equal(clean.revision.heads.length, 1);
  } finally {
    app.remove();
  }
});

test("PostgreSQL in PGlite (delivery): check --shadow fails on a model change without its migration, passes with it", () => {
  // Nothing listens on port 1: a shadow run that touched the configured server would fail.
  const app = fixtureCopy("delivery", "postgres://nobody@127.0.0.1:1/unreachable");
  try {
    writeFileSync(join(app.dir, "dev.config.ts"), `import base from "./driftwood.config.ts";\nexport default { ...base, url: "pglite:./dev-data" };\n`);
    assert.match(ok(app.db("check", "--shadow")).stdout, /No differences: the migrations produce the models/);
    const line = changeModel(
      app,
      '  deliveredAt: timestamp("delivered_at", { withTimezone: true }),',
      '  attempts: integer("attempts").notNull().default(0),',
      'pgTable("deliveries"',
    );

    const r = drift(app.db("check", "--shadow"));
    assert.match(
      r.stdout,
      new RegExp(`table deliveries \\(schema.ts:${line}\\):\\n  \\+ column attempts: the models say integer not null default 0; the migrations do not make it\\n`),
    );
    assert.doesNotMatch(r.stdout, /apscheduler/);

    ok(app.db("upgrade", "--config", "dev.config.ts"));
    ok(app.db("migrate", "-m", "delivery attempts", "--config", "dev.config.ts"));
    assert.equal(app.migrations().length, 3);
    assert.match(ok(app.db("check", "--shadow")).stdout, /No differences: the migrations produce the models/);
  } finally {
    app.remove();
  }
});
