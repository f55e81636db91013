// A hand-written log-log SVG chart: no-op check time against table count, per tool and dialect,
// with the floor (bare-driver catalog queries) for reference.
import type { Measurement } from "./report.ts";

interface Series {
  name: string;
  color: string;
  dash?: string;
  points: { x: number; y: number }[];
}

const seriesSpec = [
  { scenario: "noop", label: "driftwood check", name: "driftwood check", color: "#1f6feb" },
  { scenario: "noop", label: "drizzle-kit push", name: "drizzle-kit push (no changes)", color: "#d9480f" },
  { scenario: "introspect", label: "floor", name: "floor (catalog queries, bare driver)", color: "#6e7781" },
] as const;
const dialectDash = { postgresql: undefined, sqlite: "6 4" } as const;

function series(measurements: Measurement[]): Series[] {
  const out: Series[] = [];
  for (const dialect of ["postgresql", "sqlite"] as const) {
    for (const spec of seriesSpec) {
      const points = measurements
        .filter((m) => m.dialect === dialect && m.scenario === spec.scenario && m.label === spec.label && Number.isFinite(m.medianMs))
        .map((m) => ({ x: m.tables, y: m.medianMs }))
        .sort((a, b) => a.x - b.x);
      if (points.length) out.push({ name: `${spec.name}, ${dialect}`, color: spec.color, dash: dialectDash[dialect], points });
    }
  }
  return out;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const timeLabel = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** Powers of ten covering [min, max]. */
function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e);
  return out;
}

export function chartSvg(measurements: Measurement[]): string {
  const lines = series(measurements);
  const width = 900;
  const height = 460;
  const plot = { left: 90, right: 540, top: 40, bottom: 400 };
  const all = lines.flatMap((s) => s.points);
  if (all.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="80"><text x="10" y="40" font-family="sans-serif">No measurements.</text></svg>\n`;
  }
  const xTicks = decades(Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x)));
  const yTicks = decades(Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y)));
  const [x0, x1] = [Math.log10(xTicks[0]), Math.log10(xTicks[xTicks.length - 1])];
  const [y0, y1] = [Math.log10(yTicks[0]), Math.log10(yTicks[yTicks.length - 1])];
  const sx = (x: number) => plot.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (plot.right - plot.left);
  const sy = (y: number) => plot.bottom - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * (plot.bottom - plot.top);

  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${plot.left}" y="24" font-size="15" font-weight="bold">No-op check: median time against table count (log-log)</text>`,
  ];
  for (const t of xTicks) {
    out.push(`<line x1="${sx(t)}" y1="${plot.top}" x2="${sx(t)}" y2="${plot.bottom}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${sx(t)}" y="${plot.bottom + 18}" text-anchor="middle">${t.toLocaleString("en-US")}</text>`);
  }
  for (const t of yTicks) {
    out.push(`<line x1="${plot.left}" y1="${sy(t)}" x2="${plot.right}" y2="${sy(t)}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${plot.left - 8}" y="${sy(t) + 4}" text-anchor="end">${timeLabel(t)}</text>`);
  }
  out.push(
    `<rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="none" stroke="#374151"/>`,
    `<text x="${(plot.left + plot.right) / 2}" y="${plot.bottom + 40}" text-anchor="middle">tables</text>`,
    `<text transform="translate(20 ${(plot.top + plot.bottom) / 2}) rotate(-90)" text-anchor="middle">wall-clock time per process</text>`,
  );
  lines.forEach((s, i) => {
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : "";
    const path = s.points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(" ");
    out.push(`<polyline points="${path}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`);
    for (const p of s.points) out.push(`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3" fill="${s.color}"/>`);
    const ly = plot.top + 10 + i * 22;
    out.push(
      `<line x1="${plot.right + 20}" y1="${ly}" x2="${plot.right + 50}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`,
      `<text x="${plot.right + 56}" y="${ly + 4}">${escape(s.name)}</text>`,
    );
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
