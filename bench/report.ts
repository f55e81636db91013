// The benchmark's outputs: results.json (everything), results.md (the tables) and chart.svg.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chartSvg } from "./chart.ts";

export interface Measurement {
  dialect: "postgresql" | "sqlite";
  tables: number;
  scenario: string;
  title: string;
  label: string;
  tool: "driftwood" | "drizzle-kit" | "floor";
  command: string;
  runs: { ms: number; rssKb: number; ok: boolean; error?: string }[];
  /** Over the successful runs only; NaN (null in JSON) when none succeeded. */
  medianMs: number;
  medianRssKb: number;
  note?: string;
}

export interface Results {
  date: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGb: number;
    /** One-minute load average when the run started and ended: other work on the machine skews times. */
    loadAverage: { start: number; end: number };
  };
  versions: Record<string, string>;
  options: Record<string, unknown>;
  measurements: Measurement[];
  ratios: {
    dialect: string;
    tables: number;
    scenario: string;
    numerator: string;
    denominator: string;
    ratio: number;
  }[];
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`) : "failed");
const mb = (kb: number) => (Number.isFinite(kb) ? `${Math.round(kb / 1024)} MB` : "–");
const times = (r: number) => (Number.isFinite(r) ? `${r < 0.1 ? r.toPrecision(2) : r.toFixed(2)}×` : "–");

function markdown(results: Results): string {
  const { machine, versions, options } = results;
  const lines = [
    "# driftwood vs drizzle-kit",
    "",
    `Run ${results.date}. Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB memory;` +
      ` one-minute load average ${machine.loadAverage.start.toFixed(1)} at the start, ${machine.loadAverage.end.toFixed(1)} at the end.`,
    `Versions: ${Object.entries(versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}.`,
    `Options: sizes ${String(options.sizes)}, dialects ${String(options.dialects)}, ${String(options.runs)} runs per measurement` +
      `${options.skipSlowPeer ? ", slow drizzle-kit runs on PostgreSQL skipped" : ""}.`,
    "",
    "Each figure is the median wall-clock time of a whole process (start-up included) over the successful runs,",
    "with its median peak resident set size from `/usr/bin/time -v`. The tools alternate run by run.",
    "Ratios are driftwood (or the first named) over the peer: below 1 means driftwood is faster.",
    "",
  ];
  const notes = new Set(results.measurements.flatMap((m) => (m.note ? [`${m.dialect} ${m.tables} tables, ${m.label}: ${m.note}`] : [])));
  if (notes.size) lines.push(...[...notes].map((n) => `- ${n}`), "");

  const scenarios = [...new Map(results.measurements.map((m) => [m.scenario, m.title])).entries()];
  for (const [scenario, title] of scenarios) {
    lines.push(`## ${title}`, "", "| dialect | tables | measured | command | median time | peak RSS | ok runs |", "| --- | ---: | --- | --- | ---: | ---: | ---: |");
    for (const m of results.measurements.filter((x) => x.scenario === scenario)) {
      const ok = m.runs.filter((r) => r.ok).length;
      lines.push(`| ${m.dialect} | ${m.tables} | ${m.label} | \`${m.command}\` | ${ms(m.medianMs)} | ${mb(m.medianRssKb)} | ${ok}/${m.runs.length} |`);
    }
    const ratios = results.ratios.filter((r) => r.scenario === scenario);
    if (ratios.length) {
      lines.push("", "| dialect | tables | ratio | value |", "| --- | ---: | --- | ---: |");
      for (const r of ratios) lines.push(`| ${r.dialect} | ${r.tables} | ${r.numerator} / ${r.denominator} | ${times(r.ratio)} |`);
    }
    lines.push("");
  }
  const failures = results.measurements.flatMap((m) =>
    m.runs.filter((r) => !r.ok).map((r) => `- ${m.dialect} ${m.tables} \`${m.command}\`: ${r.error?.split("\n")[0]}`),
  );
  if (failures.length) lines.push("## Failed runs", "", ...[...new Set(failures)], "");
  return lines.join("\n");
}

/** Writes results.json, results.md and chart.svg into `dir`; returns the Markdown. */
export function writeResults(dir: string, results: Results): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const text = markdown(results);
  writeFileSync(join(dir, "results.md"), text);
  writeFileSync(join(dir, "chart.svg"), chartSvg(results.measurements));
  return text;
}
