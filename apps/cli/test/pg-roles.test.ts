// The roles fixture on PostgreSQL: adding a NOT NULL column with a default to a table with rows,
// and taking it away again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { scratchPostgres } from "@driftwood/testkit";
import { assertNoDifferences, fixtureCopy, ok, pgQuery } from "./pg-fixture.ts";

test("roles: existing rows get role 'user'; downgrade -1 removes the column and keeps the rows", async () => {
  const db = await scratchPostgres();
  const app = fixtureCopy("roles", db.url);
  try {
    assert.equal(app.migrations().length, 2);
    const [created, addRole] = [app.revision("_create_users"), app.revision("_add_role")];
    ok(app.db("upgrade", created));
    await pgQuery(db.url, "INSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada'), ('linus@example.com', 'Linus')");

    ok(app.db("upgrade"));
    assert.equal(ok(app.db("current")).stdout, `${addRole} (head)\n`);
    assert.deepEqual(await pgQuery(db.url, "SELECT name, role FROM users ORDER BY id"), [
      { name: "Ada", role: "user" },
      { name: "Linus", role: "user" },
    ]);
    await pgQuery(db.url, "INSERT INTO users (email, name, role) VALUES ('grace@example.com', 'Grace', 'admin')");
    await assert.rejects(pgQuery(db.url, "INSERT INTO users (email, name, role) VALUES ('x@example.com', 'X', NULL)"), /null value in column "role"/);
    assertNoDifferences(app.db("check"));

    ok(app.db("downgrade", "-1"));
    assert.equal(ok(app.db("current")).stdout, `${created}\n`);
    const role = await pgQuery(db.url, "SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'role'");
    assert.deepEqual(role, []);
    assert.deepEqual(
      (await pgQuery(db.url, "SELECT name FROM users ORDER BY id")).map((r) => r.name),
      ["Ada", "Linus", "Grace"],
    );
  } finally {
    app.remove();
    await db.drop();
  }
});
