// One op of every kind, with the optional fields that matter for rendering.
import type { Op, Table } from "@driftwood/schema";

export const games: Table = {
  schema: "play",
  name: "games",
  columns: [
    { name: "id", type: "integer", notNull: true, identity: { always: true, start: "1" } },
    { name: "title", type: "varchar(200)", notNull: true, default: "'untitled'" },
    { name: "tags", type: "text", dimensions: 1, notNull: false, default: "'{}'::text[]" },
    { name: "mood", type: "mood", typeSchema: "play", notNull: false },
    { name: "slug", type: "text", notNull: false, generated: { expression: "lower(title)", stored: true } },
  ],
  primaryKey: { name: "games_pkey", columns: ["id"] },
  foreignKeys: [],
  uniques: [{ name: "games_title_key", columns: ["title"], nullsNotDistinct: true }],
  checks: [{ name: "games_title_check", expression: "length(title) > 0" }],
  indexes: [],
};

export const everyOp: Op[] = [
  { kind: "createSchema", name: "play" },
  { kind: "createEnum", enum: { schema: "play", name: "mood", values: ["sad", "it's \"fine\""] } },
  { kind: "alterEnum", schema: "play", name: "level", from: ["a"], to: ["a", "b"] },
  { kind: "createSequence", sequence: { name: "counter", increment: "1", cycle: false } },
  { kind: "alterSequence", name: "ticket", from: { increment: "1" }, to: { increment: "10" } },
  { kind: "renameTable", schema: "play", from: "matches", to: "rounds", inferred: true },
  { kind: "renameColumn", table: "users", from: "name", to: "full name", inferred: true },
  { kind: "dropForeignKey", table: "users", foreignKey: { name: "users_team_fk", columns: ["team_id"], references: { name: "teams", columns: ["id"] }, onDelete: "set null", onUpdate: "no action" } },
  { kind: "dropIndex", table: "users", index: { name: "users_lower_email", columns: [{ value: "lower(email)", expression: true, desc: true, nulls: "last" }], unique: true, where: "email IS NOT NULL" } },
  { kind: "dropUnique", table: "users", unique: { columns: ["email"] } },
  { kind: "dropCheck", table: "users", check: { expression: "age >= 0" } },
  { kind: "dropPrimaryKey", table: "users", primaryKey: { columns: ["id"] } },
  { kind: "createTable", table: games },
  { kind: "addColumn", table: "users", column: { name: "completed_at", type: "timestamp(3) with time zone", notNull: true, default: "now()" } },
  { kind: "alterColumn", table: "users", from: { name: "age", type: "integer", notNull: false }, to: { name: "age", type: "bigint", notNull: true } },
  { kind: "dropColumn", table: "users", column: { name: "nickname", type: "text", notNull: false } },
  { kind: "addPrimaryKey", table: "users", primaryKey: { name: "users_pkey", columns: ["id", "org_id"] } },
  { kind: "addUnique", schema: "play", table: "games", unique: { name: "games_slug_key", columns: ["slug"] } },
  { kind: "addCheck", table: "users", check: { name: "users_age_check", expression: "age < 200" } },
  { kind: "createIndex", schema: "play", table: "games", index: { name: "games_tags_idx", columns: [{ value: "tags", opclass: "array_ops" }], unique: false, method: "gin", concurrently: true } },
  { kind: "addForeignKey", table: "users", foreignKey: { columns: ["game_id"], references: { schema: "play", name: "games", columns: ["id"] }, onDelete: "cascade", onUpdate: "restrict" } },
  { kind: "dropTable", table: { name: "legacy", columns: [{ name: "id", type: "integer", notNull: true }], foreignKeys: [], uniques: [], checks: [], indexes: [] } },
  { kind: "dropSequence", sequence: { schema: "play", name: "old_seq" } },
  { kind: "dropEnum", enum: { name: "old_mood", values: [] } },
  { kind: "dropSchema", name: "legacy" },
  { kind: "execute", sql: "UPDATE users SET age = 0 WHERE age IS NULL", reverse: "SELECT 1" },
  { kind: "execute", sql: "VACUUM" },
];
