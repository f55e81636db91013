import { spawnSync } from "node:child_process";
import type { PostWriteHook } from "@driftwood/core";

/**
 * Runs the post-write hooks on `file`, in order, from the config's folder. A failing hook does
 * not stop the others or remove the file: it gives one line saying what failed.
 */
export async function runPostWriteHooks(hooks: readonly PostWriteHook[], file: string, cwd: string): Promise<string[]> {
  const failures: string[] = [];
  for (const hook of hooks) {
    const name = typeof hook === "string" ? `\`${hook}\`` : `function ${hook.name || "(anonymous)"}`;
    const why = typeof hook === "string" ? runCommand(hook, file, cwd) : await runFunction(hook, file);
    if (why !== undefined) failures.push(`post-write hook ${name} failed (${why}); ${file} is kept as generated`);
  }
  return failures;
}

function runCommand(command: string, file: string, cwd: string): string | undefined {
  const r = spawnSync(command.replaceAll("{file}", shellQuote(file)), { cwd, shell: true, encoding: "utf8" });
  if (r.error) return r.error.message;
  if (r.status === 0) return undefined;
  const output = `${r.stderr}\n${r.stdout}`.split("\n").find((l) => l.trim() !== "");
  return `exit ${r.status ?? r.signal}${output ? `: ${output.trim()}` : ""}`;
}

async function runFunction(hook: (file: string) => void | Promise<void>, file: string): Promise<string | undefined> {
  try {
    await hook(file);
    return undefined;
  } catch (e) {
    return String((e as Error)?.message ?? e).split("\n")[0];
  }
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
