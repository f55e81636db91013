import { existsSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { DatabaseError, type Connection, type IntrospectOptions, type QualifiedName, type Schema } from "@driftwood/schema";
import { introspectSqlite, tableNamesSqlite } from "./sqlite-introspect.ts";
import { quote } from "./sqlite-sql.ts";

/** The file a URL names: a path, `file:path`, or `:memory:`. */
export function sqlitePath(url: string): string {
  return url.startsWith("file:") ? decodeURIComponent(url.slice("file:".length).replace(/^\/\/(?=\/)/, "")) : url;
}

/**
 * Opens the SQLite file at `url`. A file that does not exist yet reads as an empty database and
 * is created by the first write, so read-only commands (`current`, `check`, `history`) never
 * leave an empty file behind, and `upgrade` creates it. A missing folder fails at once: that is
 * a wrong path, not a database to create.
 */
export async function connectSqlite(url: string): Promise<Connection> {
  const path = sqlitePath(url);
  const missing = path !== ":memory:" && path !== "" && !existsSync(path) && existsSync(dirname(path));
  return new SqliteConnection(missing ? open(":memory:", path) : open(path, path), path, missing);
}

function open(file: string, path: string): Database.Database {
  try {
    return new Database(file);
  } catch (e) {
    throw new DatabaseError(
      `cannot open SQLite database ${path}: ${(e as Error).message}; check that its folder exists and is writable`,
    );
  }
}

class SqliteConnection implements Connection {
  constructor(
    private db: Database.Database,
    readonly target: string,
    /** The file does not exist yet: `db` is an empty stand-in until the first write. */
    private missing: boolean,
  ) {}

  /** Swaps the empty stand-in for the real file, creating it. */
  private writable(): Database.Database {
    if (this.missing) {
      const db = open(this.target, this.target);
      this.db.close();
      this.db = db;
      this.missing = false;
    }
    return this.db;
  }

  async introspect(options?: IntrospectOptions): Promise<Schema> {
    return introspectSqlite(this.db, options);
  }

  async tables(): Promise<QualifiedName[]> {
    return tableNamesSqlite(this.db);
  }

  async execute(sql: string): Promise<void> {
    this.writable().exec(sql);
  }

  async query<Row = Record<string, unknown>>(sql: string): Promise<Row[]> {
    const statement = this.db.prepare(sql);
    if (statement.reader) return statement.all() as Row[];
    this.writable().prepare(sql).run();
    return [];
  }

  /**
   * Foreign keys are switched off around the transaction (the pragma is a no-op inside one), so
   * a table recreate does not fire ON DELETE actions; they are checked once before COMMIT.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    this.writable();
    const enforced = this.db.pragma("foreign_keys", { simple: true }) === 1;
    this.db.pragma("foreign_keys = OFF");
    try {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn();
        this.checkForeignKeys();
        this.db.exec("COMMIT");
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw e;
      }
    } finally {
      if (enforced) this.db.pragma("foreign_keys = ON");
    }
  }

  private checkForeignKeys(): void {
    const rows = this.db.prepare("PRAGMA foreign_key_check").all() as { table: string; parent: string }[];
    if (rows.length === 0) return;
    const { table, parent } = rows[0];
    throw new DatabaseError(
      `foreign key violation in table ${quote(table)}: a row has no matching row in ${quote(parent)} ` +
        `(${rows.length} violation(s) in all); rolled back, fix the data in the migration before the key changes`,
    );
  }

  /** BEGIN IMMEDIATE already serializes writers, so there is no separate lock. */
  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
