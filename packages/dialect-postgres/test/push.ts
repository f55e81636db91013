// drizzle-kit's own `push` as a peer: builds a database from drizzle models the way users do.
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { pushSchema } from "drizzle-kit/api";

/**
 * Runs drizzle-kit's push plan for `models` against `url`, statement by statement, so that a
 * failing statement fails the test (drizzle-kit itself reports success regardless).
 */
export async function drizzleKitPush(models: Record<string, unknown>, url: string, schemas: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const plan = await pushSchema(models, drizzle(client) as never, schemas);
    for (const statement of plan.statementsToExecute) await client.query(statement);
    return plan.statementsToExecute;
  } finally {
    await client.end();
  }
}
