#!/usr/bin/env node
// Entry point. An installed package runs dist/cli.mjs, built by `npm pack` (bin/build-dist.js). A checkout runs a
// bundle compiled from the TypeScript sources (rebuilt when they change), so a fresh clone needs no build step;
// SPECWRIGHT_TSX=1 runs the sources through tsx instead.
import { existsSync } from "node:fs";

const fromSources = existsSync(new URL("../generator/cli.ts", import.meta.url));
if (!fromSources) {
  await import("../dist/cli.mjs");
} else if (process.env.SPECWRIGHT_TSX === "1") {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../generator/cli.ts");
} else {
  const { ensureCliBundle } = await import("./cli-bundle.js");
  await import(await ensureCliBundle());
}
