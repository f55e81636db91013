// The starting point of the round-trip tests: each op is applied to this and undone again.
import { sql } from "drizzle-orm";
import { integer, pgEnum, pgSequence, pgTable, serial, text, varchar } from "drizzle-orm/pg-core";

export const mood = pgEnum("mood", ["sad", "ok", "happy"]);
export const counter = pgSequence("counter_seq", { startWith: 5 });

export const people = pgTable("people", {
  id: serial().primaryKey(),
  name: varchar({ length: 20 }).notNull().default("x"),
  age: integer(),
  mood: mood().default("ok"),
  moods: mood().array(),
  nick: text(),
  amount: integer(),
  ticket: integer(),
  doubleAge: integer().generatedAlwaysAs(sql`age * 2`),
});

export const pets = pgTable("pets", {
  id: integer().notNull(),
  ownerId: integer(),
  tag: text(),
});
