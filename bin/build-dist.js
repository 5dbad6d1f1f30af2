#!/usr/bin/env node
// `npm pack`'s prepack: builds dist/ for the published package, so an installed specwright runs built JavaScript
// (no esbuild or tsx at run time) and `import … from "specwright"` has types. In the repo, bin/specwright.js keeps
// compiling the sources on change instead (bin/cli-bundle.js).
import { execFileSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { bundleSources, ROOT } from "./cli-bundle.js";

const target = join(ROOT, "dist");
const temp = join(ROOT, `dist.${process.pid}.tmp`);
rmSync(temp, { recursive: true, force: true });
try {
  await bundleSources({
    entryPoints: { cli: join(ROOT, "generator", "cli.ts"), index: join(ROOT, "generator", "index.ts") },
    outdir: temp,
    locations: "relative",
  });
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.dist.json"), "--outDir", join(temp, "types")], {
    stdio: "inherit",
  });
  rmSync(target, { recursive: true, force: true });
  renameSync(temp, target);
} finally {
  if (existsSync(temp)) rmSync(temp, { recursive: true, force: true });
}
process.stderr.write(`built ${target}\n`);
