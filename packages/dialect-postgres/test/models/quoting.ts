// Names that only survive when every identifier is quoted: quotes, spaces, reserved words,
// upper case, unicode.
import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgSchema, pgTable, text, unique } from "drizzle-orm/pg-core";

export const odd = pgSchema("Odd Schema");
export const oddEnum = odd.enum('Mood "x"', ["it's", "Fine"]);

export const parent = odd.table("Parent", { id: integer("ID").primaryKey() });

export const quoting = pgTable(
  'Odd "Table" name',
  {
    select: text("select"),
    mixedCase: text("MixedCase"),
    spaced: text("with space"),
    unicode: text("café_ünï"),
    feeling: oddEnum("feeling").default("it's"),
    parentId: integer("Parent ID").references(() => parent.id),
    order: integer("order"),
  },
  (t) => [
    index('Odd "index"').on(t.select, t.mixedCase),
    unique("Unique Select").on(t.select),
    check("Check Order", sql`${t.order} > 0`),
  ],
);
