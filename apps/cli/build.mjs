// Bundles the CLI and the workspace packages it uses into dist/, so that the launcher runs plain
// JavaScript instead of transforming our TypeScript at every start. Dependencies stay outside the
// bundle, imported by a path relative to dist/ (each workspace package resolves its own), and every
// command stays a chunk of its own, loaded only when it runs. dist/inputs.json records each source
// file's mtime and size: the launcher uses the bundle only while they all still match.
// Usage: node build.mjs (from apps/cli; `pnpm --filter driftwood build`, `turbo run build`).
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(here, "dist");
const root = resolve(here, "../..");
// esbuild comes with tsx, a dependency of the CLI.
const requireFromTsx = createRequire(createRequire(resolve(here, "package.json")).resolve("tsx/package.json"));
const esbuild = requireFromTsx("esbuild");

/** Bare imports of anything but `@driftwood/*`: resolved where they are written, kept external. */
const externalDependencies = {
  name: "external-dependencies",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("node:") || args.path.startsWith("@driftwood/") || args.pluginData?.inner) return undefined;
      const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { inner: true } });
      if (found.errors.length > 0) return { errors: found.errors };
      if (!found.path.includes("/node_modules/")) return undefined;
      const path = relative(outdir, found.path);
      return { path: path.startsWith(".") ? path : `./${path}`, external: true };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await esbuild.build({
  entryPoints: { driftwood: resolve(here, "src/bin.ts") },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outExtension: { ".js": ".mjs" },
  metafile: true,
  absWorkingDir: root,
  logLevel: "warning",
  plugins: [externalDependencies],
});
const inputs = Object.fromEntries(
  Object.keys(result.metafile.inputs)
    .map((input) => resolve(root, input))
    .map((file) => {
      const { mtimeMs, size } = statSync(file);
      return [file, { mtimeMs, size }];
    }),
);
writeFileSync(resolve(outdir, "inputs.json"), `${JSON.stringify({ inputs }, null, 1)}\n`);
