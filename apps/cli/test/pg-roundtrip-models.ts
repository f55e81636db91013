// Model pairs (A → B) for the PostgreSQL round trips: each pair batches several object kinds, so
// one scratch database covers them all.

const HEADER = `import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, integer, numeric, pgEnum, pgSchema, pgSequence, pgTable, primaryKey, serial, text, timestamp, unique, uniqueIndex, varchar } from "drizzle-orm/pg-core";
`;

export interface ModelPair {
  name: string;
  a: string;
  b: string;
  /** A row that A's tables accept and B's migration keeps, and a query that reads it back. */
  row?: { insert: string[]; select: string };
}

/** Enum values added and removed, sequences, identities, generated, serial, varchar, numeric, arrays. */
export const columnKinds: ModelPair = {
  name: "enum value added and removed, sequence, identity, generated, serial, varchar length, numeric, array '{}' default",
  a: `${HEADER}
export const mood = pgEnum("mood", ["sad", "ok"]);
export const size = pgEnum("size", ["s", "m", "l"]);
export const tickets = pgSequence("tickets", { startWith: 1 });
export const things = pgTable("things", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  mood: mood().default("ok"),
  size: size(),
  counter: bigint({ mode: "number" }).generatedByDefaultAsIdentity({ startWith: 1 }),
  legacy: integer(),
  name: varchar({ length: 20 }).notNull(),
  price: numeric({ precision: 10, scale: 2 }),
  qty: integer().notNull().default(1),
  total: integer().generatedAlwaysAs(sql\`qty * 2\`),
  labels: text().array(),
});
`,
  b: `${HEADER}
export const mood = pgEnum("mood", ["sad", "ok", "happy"]);
export const size = pgEnum("size", ["s", "l"]);
export const tickets = pgSequence("tickets", { startWith: 100, increment: 5, cache: 10 });
export const receipts = pgSequence("receipts", { minValue: 10, maxValue: 1000, cycle: true });
export const things = pgTable("things", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  mood: mood().default("happy"),
  size: size(),
  counter: bigint({ mode: "number" }).generatedByDefaultAsIdentity({ startWith: 10, increment: 2 }),
  legacy: integer().generatedByDefaultAsIdentity(),
  name: varchar({ length: 40 }).notNull(),
  price: numeric({ precision: 12, scale: 4 }),
  qty: integer().notNull().default(1),
  total: integer().generatedAlwaysAs(sql\`qty * 3\`),
  labels: text().array().notNull().default(sql\`'{}'::text[]\`),
  tags: text().array().notNull().default([]),
  seq: serial(),
});
`,
  row: {
    insert: ["INSERT INTO things (mood, size, name, price, qty, legacy, labels) VALUES ('sad', 's', 'kept', 1.5, 2, 7, '{a}')"],
    select: "SELECT mood, size, name, price::text AS price, qty, legacy, labels FROM things",
  },
};

/** Index kinds, checks, uniques (nulls not distinct), a composite foreign key, a pgSchema with a cross-schema key. */
export const constraintKinds: ModelPair = {
  name: "index kinds, check, unique, composite FK, pgSchema",
  a: `${HEADER}
export const owners = pgTable("owners", {
  region: varchar({ length: 8 }).notNull(),
  number: integer().notNull(),
  email: text(),
  nick: text(),
  score: integer(),
  tags: text().array(),
  createdAt: timestamp(),
}, (t) => [primaryKey({ columns: [t.region, t.number] }), check("owners_score_check", sql\`\${t.score} > 0\`)]);
export const pets = pgTable("pets", { id: serial().primaryKey(), region: varchar({ length: 8 }), number: integer(), name: text() });
`,
  b: `${HEADER}
export const archive = pgSchema("archive");
export const owners = pgTable("owners", {
  region: varchar({ length: 8 }).notNull(),
  number: integer().notNull(),
  email: text().unique(),
  nick: text(),
  score: integer(),
  tags: text().array(),
  createdAt: timestamp(),
}, (t) => [
  primaryKey({ columns: [t.region, t.number] }),
  check("owners_score_check", sql\`\${t.score} >= 0\`),
  check("owners_region_check", sql\`\${t.region} IN ('eu', 'us')\`),
  unique("owners_nick_key").on(t.nick, t.region).nullsNotDistinct(),
  uniqueIndex("owners_region_nick_idx").on(t.region, t.nick),
  index("owners_lower_email_idx").on(sql\`lower(\${t.email})\`),
  index("owners_high_score_idx").on(t.score).where(sql\`\${t.score} > 10\`),
  index("owners_tags_idx").using("gin", t.tags),
  index("owners_recent_idx").on(t.createdAt.desc().nullsLast(), t.number.asc().nullsFirst()),
  index("owners_email_pattern_idx").on(t.email.op("text_pattern_ops")),
]);
export const pets = pgTable("pets", { id: serial().primaryKey(), region: varchar({ length: 8 }), number: integer(), name: text() }, (t) => [
  foreignKey({ name: "pets_owner_fk", columns: [t.region, t.number], foreignColumns: [owners.region, owners.number] }).onDelete("cascade").onUpdate("cascade"),
]);
export const oldPets = archive.table("old_pets", {
  id: integer().primaryKey(),
  petId: integer().references(() => pets.id, { onDelete: "set null" }),
});
`,
  row: {
    insert: [
      "INSERT INTO owners (region, number, email, nick, score) VALUES ('eu', 1, 'a@x.test', 'ann', 5)",
      "INSERT INTO pets (region, number, name) VALUES ('eu', 1, 'rex')",
    ],
    select: "SELECT o.email, p.name FROM owners o JOIN pets p USING (region, number)",
  },
};
