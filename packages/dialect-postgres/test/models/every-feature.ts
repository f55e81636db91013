// A model that uses every pg-core feature the loader and the dialect support.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  inet,
  integer,
  interval,
  json,
  jsonb,
  numeric,
  pgEnum,
  pgSchema,
  pgSequence,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  smallserial,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

const citext = customType<{ data: string }>({ dataType: () => "tsvector" });

export const billing = pgSchema("billing");
export const mood = pgEnum("mood", ["sad", "ok", "happy"]);
export const currency = billing.enum("currency", ["eur", "usd"]);
export const orderNumbers = pgSequence("order_numbers", { startWith: 1000, increment: 2, cache: 5 });
export const invoiceNumbers = billing.sequence("invoice_numbers");

export const users = pgTable(
  "users",
  {
    id: serial().primaryKey(),
    email: varchar({ length: 255 }).notNull().unique(),
    handle: text().unique("users_handle_key_custom", { nulls: "not distinct" }),
    name: text().notNull().default("it's me"),
    role: varchar({ length: 20 }).notNull().default("user"),
    mood: mood().default("ok"),
    moods: mood().array(),
    tags: text().array().notNull().default([]),
    aliases: text().array().notNull().default(sql`'{}'::text[]`),
    scores: integer().array().array(),
    labels: text().array().default(["a", "b c"]),
    settings: jsonb().notNull().default({ theme: "dark", size: 2 }),
    raw: json().default({ b: 1, a: [1, 2] }),
    balance: numeric({ precision: 10, scale: 2 }).default("0.00"),
    ratio: real().default(0.5),
    weight: doublePrecision(),
    small: smallint().default(-1),
    big: bigint({ mode: "number" }).default(42),
    active: boolean().notNull().default(true),
    code: char({ length: 3 }),
    flag: char(),
    born: date(),
    wakeAt: time(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ precision: 3 }).default(sql`CURRENT_TIMESTAMP`),
    loggedAt: timestamp({ precision: 6, withTimezone: true }),
    publicId: uuid().defaultRandom().notNull(),
    ttl: interval().default("1 day"),
    ip: inet(),
    search: citext(),
    deletedAt: timestamp(),
    price: integer().notNull().default(1),
    doubled: integer().generatedAlwaysAs(sql`price * 2`),
  },
  (t) => [
    check("users_price_positive", sql`${t.price} > 0`),
    index("users_lower_email_idx").on(sql`lower(${t.name})`),
    index("users_active_idx").on(t.createdAt.desc(), t.name.asc().nullsFirst()).where(sql`${t.deletedAt} IS NULL`),
    index("users_name_pattern_idx").on(t.name.op("text_pattern_ops")),
    index("users_search_idx").using("gin", t.search),
    uniqueIndex().on(t.role, t.email),
    index("users_handle_concurrent_idx").on(t.handle).concurrently(),
  ],
);

export const counters = pgTable("counters", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  other: bigint({ mode: "number" }).generatedByDefaultAsIdentity({ name: "counters_other_custom_seq", startWith: 10, increment: 5, maxValue: 100000, cache: 3, cycle: true }),
  down: smallint().generatedByDefaultAsIdentity({ increment: -1 }),
  big: bigserial({ mode: "number" }),
  tiny: smallserial(),
});

export const accounts = billing.table(
  "accounts",
  {
    region: varchar({ length: 8 }).notNull(),
    number: integer().notNull(),
    ownerId: integer().references(() => users.id, { onDelete: "set null", onUpdate: "cascade" }),
    currency: currency().notNull().default("eur"),
  },
  (t) => [
    primaryKey({ columns: [t.region, t.number] }),
    unique().on(t.ownerId, t.currency),
    check("accounts_number_positive", sql`${t.number} > 0`),
    index("accounts_region_idx").on(t.region).where(sql`${t.number} > 10`),
  ],
);

export const transfers = pgTable(
  "transfers",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    region: varchar({ length: 8 }).notNull(),
    number: integer().notNull(),
    amount: numeric({ precision: 12, scale: 2 }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.region, t.number], foreignColumns: [accounts.region, accounts.number] }).onDelete("restrict"),
    foreignKey({ name: "transfers_account_fk_named", columns: [t.region, t.number], foreignColumns: [accounts.region, accounts.number] }),
  ],
);
