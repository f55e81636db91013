import type { OpKind, OpPayload } from "./ops.ts";

/** What a data step receives: the migration's own connection, inside its transaction. */
export interface MigrationDb {
  execute(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string): Promise<Row[]>;
}

/**
 * The `op` object a migration's `upgrade` and `downgrade` receive. Each schema op is one call
 * with the op's payload; `execute` runs raw SQL; `run` is a data step (a backfill) that runs
 * in the same transaction, in order with the other ops.
 */
export type MigrationOps = {
  [K in Exclude<OpKind, "execute">]: (payload: OpPayload<K>) => void;
} & {
  execute(sql: string, reverse?: string): void;
  run(step: (db: MigrationDb) => Promise<void>, description?: string): void;
};

/** A migration module, as a file in the migrations folder exports it. */
export interface MigrationModule {
  revision: string;
  /** Parent revisions: empty for the first migration, two or more for a merge. */
  parents: string[];
  message: string;
  createdAt?: string;
  upgrade(op: MigrationOps): void | Promise<void>;
  downgrade(op: MigrationOps): void | Promise<void>;
}
