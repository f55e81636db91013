/**
 * Identifier generation: names that look like real ones and names that break naive quoting
 * (reserved words, upper case, spaces, quotes, unicode), kept short and unique where the
 * database needs them unique.
 */
import type { DialectName } from "@driftwood/schema";

/** PostgreSQL's NAMEDATALEN - 1; longer names are silently truncated. */
export const MAX_IDENTIFIER_BYTES = 63;

/** Tables and columns stay this short so drizzle's derived names (`t_c_seq`, `t_c_unique`) fit. */
export const MAX_BASE_NAME_BYTES = 24;

export interface NameOptions {
  /**
   * Whether names may contain quote characters, `"` and `'` (default true). drizzle-kit 0.31
   * writes identifiers as `"${name}"` and names in its catalog queries as `'${name}'` without
   * escaping, so a test that uses it as a peer turns this off.
   */
  quotes?: boolean;
}

const PLAIN = ["id", "name", "price", "created_at", "user_id", "qty", "note", "a", "b", "kind"];
/** Words every SQL dialect reserves: PostgreSQL prints them quoted. */
export const RESERVED = ["select", "order", "user", "group", "table", "from", "check", "default"];
const UPPER = ["Users", "ORDER", "MixedCase", "ID", "Total"];
const SPACED = ["line item", "first name", "a b"];
const UNICODE = ["café", "naïve", "日本", "Ünïcode", "δelta"];
const QUOTED = ['we"ird', 'say "hi"', "o'clock"];

/** Name fragments, simplest first (fast-check shrinks a pick toward the first). */
export function nameFragments(options: NameOptions = {}): string[] {
  return [...PLAIN, ...RESERVED, ...UPPER, ...SPACED, ...UNICODE, ...(options.quotes === false ? [] : QUOTED)];
}

/** Enum labels: an enum label may hold anything, including both kinds of quote. */
export const ENUM_LABELS = ["active", "on hold", "it's", "Ünïcode", "DONE", "a,b", "x;y", 'say "hi"'];

export function byteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/**
 * The names already taken in one scope. SQLite folds ASCII case when it compares identifiers;
 * a quoted PostgreSQL identifier is compared as is.
 */
export class NameScope {
  private readonly taken = new Set<string>();
  constructor(private readonly dialect: DialectName) {}

  private fold(name: string): string {
    return this.dialect === "sqlite" ? name.replace(/[A-Z]/g, (c) => c.toLowerCase()) : name;
  }

  has(name: string): boolean {
    return this.taken.has(this.fold(name));
  }

  claim(name: string): void {
    this.taken.add(this.fold(name));
  }

  /** `base`, or `base_2`, `base_3`, … : the first that is free and short enough; claimed. */
  fresh(base: string, maxBytes = MAX_BASE_NAME_BYTES): string {
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? "" : `_${n}`;
      let stem = base;
      while (byteLength(stem + suffix) > maxBytes) stem = [...stem].slice(0, -1).join("");
      const name = stem + suffix;
      if (!this.has(name)) {
        this.claim(name);
        return name;
      }
    }
  }

  /** Claims a name drizzle derives when it is free and fits; otherwise returns false. */
  tryClaim(name: string): boolean {
    if (byteLength(name) > MAX_IDENTIFIER_BYTES || this.has(name)) return false;
    this.claim(name);
    return true;
  }
}
