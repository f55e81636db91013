import { test } from "node:test";
import assert from "node:assert/strict";
import type { Column, Op } from "@driftwood/schema";
import { describeOps } from "../src/describe.ts";

const col = (name: string, type: string, extra: Partial<Column> = {}): Column => ({ name, type, notNull: false, ...extra });

test("describes a diff per table, one line per change", () => {
  const ops: Op[] = [
    { kind: "createEnum", enum: { name: "mood", values: ["happy", "sad"] } },
    { kind: "addColumn", table: "users", column: col("email", "text", { notNull: true, default: "''" }) },
    {
      kind: "alterColumn",
      schema: "auth",
      table: "accounts",
      from: col("name", "varchar(20)"),
      to: col("name", "text", { notNull: true }),
    },
    { kind: "createIndex", table: "users", index: { name: "users_email_idx", columns: [{ value: "email", desc: true }], unique: true } },
    { kind: "dropColumn", table: "users", column: col("age", "integer") },
  ];
  assert.equal(
    describeOps(ops),
    [
      "+ enum mood (happy, sad)",
      "table users:",
      "  + column email text not null default ''",
      "  + unique index users_email_idx (email desc)",
      "  - column age integer null",
      "table auth.accounts:",
      "  ~ column name: type varchar(20) → text, nullable null → not null",
    ].join("\n"),
  );
});
