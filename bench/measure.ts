// Runs one process under GNU time, for its wall-clock time and peak resident set size.
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

export const timeBinary = "/usr/bin/time";

export interface Sample {
  ms: number;
  /** Peak RSS in kilobytes ("Maximum resident set size" of `time -v`). */
  rssKb: number;
  exitCode: number;
  output: string;
}

/**
 * Runs `command args` in `cwd`; stdout and stderr are captured together in `output`.
 * GNU time writes its report to a file in `cwd`, removed afterwards.
 */
export function measure(command: string, args: string[], cwd: string, timeoutMs = 30 * 60_000): Promise<Sample> {
  const report = join(cwd, `.time-${process.hrtime.bigint()}.txt`);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(timeBinary, ["-v", "-o", report, command, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const text = readFileSync(report, "utf8");
      rmSync(report, { force: true });
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
      resolve({
        ms,
        rssKb: rss ? Number(rss[1]) : Number.NaN,
        exitCode: code ?? -1,
        output: Buffer.concat(chunks).toString("utf8"),
      });
    });
  });
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
