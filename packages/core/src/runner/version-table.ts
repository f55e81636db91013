import type { Connection, Dialect } from "@driftwood/schema";

/** One row of the applied table: a revision, its file's checksum when it ran, and when. */
export interface AppliedRow {
  revision: string;
  checksum: string;
  appliedAt: string;
}

/**
 * The tool's own bookkeeping, in ANSI SQL built with the dialect's quoting: the version table
 * (one row per applied head, as Alembic's `alembic_version`) and `<versionTable>_applied`
 * (one row per applied revision, with the checksum of its file).
 */
export class VersionTables {
  readonly #q: (id: string) => string;
  readonly #lit: (v: string) => string;
  readonly #version: string;
  readonly #applied: string;
  readonly #pk: string;

  constructor(dialect: Dialect, readonly name: string) {
    this.#q = (id) => dialect.quote(id);
    this.#lit = (v) => dialect.literal(v);
    this.#version = this.#q(name);
    this.#applied = this.#q(`${name}_applied`);
    this.#pk = this.#q(`${name}_pkc`);
  }

  create(): string[] {
    const q = this.#q;
    return [
      `CREATE TABLE IF NOT EXISTS ${this.#version} (${q("version_num")} VARCHAR(32) NOT NULL, CONSTRAINT ${this.#pk} PRIMARY KEY (${q("version_num")}))`,
      `CREATE TABLE IF NOT EXISTS ${this.#applied} (${q("revision")} VARCHAR(32) NOT NULL PRIMARY KEY, ${q("checksum")} VARCHAR(64) NOT NULL, ${q("applied_at")} VARCHAR(32) NOT NULL)`,
    ];
  }

  selectRows(): string {
    return `SELECT ${this.#q("version_num")} FROM ${this.#version}`;
  }

  /** The statements that turn version rows `before` into `after`. */
  moveRows(before: readonly string[], after: readonly string[]): string[] {
    const gone = before.filter((r) => !after.includes(r));
    const added = after.filter((r) => !before.includes(r));
    const col = this.#q("version_num");
    if (gone.length === 1 && added.length === 1) {
      return [`UPDATE ${this.#version} SET ${col} = ${this.#lit(added[0]!)} WHERE ${col} = ${this.#lit(gone[0]!)}`];
    }
    return [
      ...gone.map((r) => `DELETE FROM ${this.#version} WHERE ${col} = ${this.#lit(r)}`),
      ...added.map((r) => `INSERT INTO ${this.#version} (${col}) VALUES (${this.#lit(r)})`),
    ];
  }

  recordApplied(revision: string, checksum: string, at: Date): string {
    const q = this.#q;
    return `INSERT INTO ${this.#applied} (${q("revision")}, ${q("checksum")}, ${q("applied_at")}) VALUES (${this.#lit(revision)}, ${this.#lit(checksum)}, ${this.#lit(at.toISOString())})`;
  }

  /** Accepts the file of an applied revision as it is now. */
  updateChecksum(revision: string, checksum: string): string {
    const q = this.#q;
    return `UPDATE ${this.#applied} SET ${q("checksum")} = ${this.#lit(checksum)} WHERE ${q("revision")} = ${this.#lit(revision)}`;
  }

  forgetApplied(revision: string): string {
    return `DELETE FROM ${this.#applied} WHERE ${this.#q("revision")} = ${this.#lit(revision)}`;
  }

  /** Every statement that records `revision` as applied or reverted. */
  bookkeeping(step: { direction: "upgrade" | "downgrade"; before: string[]; after: string[] }, revision: { id: string; checksum: string }, at: Date): string[] {
    return [
      ...this.moveRows(step.before, step.after),
      step.direction === "upgrade" ? this.recordApplied(revision.id, revision.checksum, at) : this.forgetApplied(revision.id),
    ];
  }

  async ensure(conn: Connection): Promise<void> {
    for (const sql of this.create()) await conn.execute(sql);
  }

  /** The current heads. */
  async read(conn: Connection): Promise<string[]> {
    const rows = await conn.query<{ version_num: string }>(this.selectRows());
    return rows.map((r) => r.version_num).sort();
  }

  /** The applied table's rows. */
  async applied(conn: Connection): Promise<AppliedRow[]> {
    const q = this.#q;
    const rows = await conn.query<{ revision: string; checksum: string; applied_at: string }>(
      `SELECT ${q("revision")}, ${q("checksum")}, ${q("applied_at")} FROM ${this.#applied}`,
    );
    return rows.map((r) => ({ revision: r.revision, checksum: r.checksum, appliedAt: r.applied_at }));
  }

  /**
   * The current heads and the applied table's rows, without creating the tables: none of
   * either before the first upgrade.
   */
  async inspect(conn: Connection): Promise<{ heads: string[]; applied: AppliedRow[] }> {
    if (!(await this.exists(conn))) return { heads: [], applied: [] };
    return { heads: await this.read(conn), applied: await this.applied(conn) };
  }

  async exists(conn: Connection): Promise<boolean> {
    const names = [this.name, `${this.name}_applied`];
    const tables = await conn.tables();
    return names.every((n) => tables.some((t) => t.schema === undefined && t.name === n));
  }
}
