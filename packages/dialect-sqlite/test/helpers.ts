// Shared by the dialect's tests: a scratch database and a way to run ops on it.
import { applyOp, emptySchema, type Connection, type Op, type Schema } from "@driftwood/schema";
import { scratchSqlite } from "@driftwood/testkit";
import { sqliteDialect } from "../src/index.ts";

export interface Scratch {
  conn: Connection;
  url: string;
  /** What the ops run so far should have built. */
  expected: Schema;
  /** Renders `op` against `expected`, runs it in a transaction and advances `expected`. */
  run(op: Op): Promise<void>;
  actual(): Promise<Schema>;
  done(): Promise<void>;
}

export async function scratch(): Promise<Scratch> {
  const db = await scratchSqlite();
  const conn = await sqliteDialect.connect(db.url);
  const s: Scratch = {
    conn,
    url: db.url,
    expected: emptySchema("sqlite"),
    async run(op) {
      const statements = sqliteDialect.render(op, s.expected);
      await conn.transaction(async () => {
        for (const st of statements) await conn.execute(st.sql);
      });
      s.expected = applyOp(s.expected, op);
    },
    actual: async () => sqliteDialect.normalize(await conn.introspect()),
    async done() {
      await conn.close();
      await db.drop();
    },
  };
  return s;
}

/** createTable for each table, then createIndex for each of its indexes. */
export function createOps(schema: Schema): Op[] {
  return [
    ...schema.tables.map((table): Op => ({ kind: "createTable", table: { ...table, indexes: [] } })),
    ...schema.tables.flatMap((t) => t.indexes.map((index): Op => ({ kind: "createIndex", table: t.name, index }))),
  ];
}
