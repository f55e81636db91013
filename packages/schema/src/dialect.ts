import type { DialectName, QualifiedName, Schema } from "./model.ts";
import type { Op } from "./ops.ts";

/** One SQL statement, without a trailing semicolon. */
export interface Statement {
  sql: string;
  /** False for a statement PostgreSQL refuses inside a transaction (`CREATE INDEX CONCURRENTLY`). */
  transactional?: boolean;
}

/** What a dialect can do; the comparator and runner ask these, never the dialect's name. */
export interface Capabilities {
  /** DDL runs inside a transaction and rolls back with it. */
  transactionalDdl: boolean;
  /** Foreign keys can be added and dropped by ALTER TABLE; when false they are part of CREATE TABLE. */
  alterForeignKeys: boolean;
  /** Constraint names are kept by the database, so constraints are matched by name. */
  namedConstraints: boolean;
  /** Namespaces (`CREATE SCHEMA`), enums and sequences exist. */
  namespaces: boolean;
  enums: boolean;
  sequences: boolean;
}

export interface IntrospectOptions {
  /** Objects for which this returns false are not read at all. */
  include?: (table: QualifiedName) => boolean;
}

/** A live database. Every method runs on one connection, so a transaction spans them. */
export interface Connection {
  /** The target for messages, with any password masked. */
  readonly target: string;
  introspect(options?: IntrospectOptions): Promise<Schema>;
  /** The names of the tables `introspect` reads, from one cheap catalog query. */
  tables(): Promise<QualifiedName[]>;
  /** Runs one statement (or, where the driver allows it, a script). */
  execute(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string): Promise<Row[]>;
  /**
   * Runs `fn` in a transaction that takes the migration lock (PostgreSQL: a transaction-scoped
   * advisory lock; SQLite: `BEGIN IMMEDIATE`), committing when it resolves, rolling back when it throws.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Holds the session-wide migration lock while `fn` runs, so two processes never migrate at once. */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A throwaway empty database made by `Dialect.scratch`. */
export interface ScratchDatabase {
  /** What `connect` opens; an in-memory URL lives only as long as its one connection. */
  url: string;
  /** Removes the database; safe to call after a failure. */
  drop(): Promise<void>;
}

export interface Dialect {
  readonly name: DialectName;
  readonly capabilities: Capabilities;
  /** The one identifier-quoting function of the dialect. */
  quote(identifier: string): string;
  /** A string literal. */
  literal(value: string): string;
  /** Canonical forms of types, defaults and names; applied to both the models and the database. */
  normalize(schema: Schema): Schema;
  /** The statements for `op`, given the schema just before it. */
  render(op: Op, before: Schema): Statement[];
  /** Opens `url`; fails with a one-line `DatabaseError` that names the target (password masked). */
  connect(url: string): Promise<Connection>;
  /**
   * An empty database to apply migrations to and throw away (`check --shadow`). Without `at`: an
   * in-process one needing no server. With `at`: a uniquely named database made there (a server
   * URL, or a folder), which `drop()` removes. Absent when the dialect cannot make one.
   */
  scratch?(at?: string): Promise<ScratchDatabase>;
}

/** An error about the database or its URL, with a message fit to show a user as is. */
export class DatabaseError extends Error {}
