// Throwaway databases for `check --shadow`.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { ScratchDatabase } from "@driftwood/schema";

/** An empty database: in memory without `at`, else a file in a fresh folder under the folder `at`. */
export async function sqliteScratch(at?: string): Promise<ScratchDatabase> {
  if (at === undefined) return { url: ":memory:", drop: async () => {} };
  mkdirSync(at, { recursive: true });
  const dir = mkdtempSync(join(at, "driftwood-shadow-"));
  return { url: join(dir, "shadow.db"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
