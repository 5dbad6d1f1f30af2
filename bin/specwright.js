#!/usr/bin/env node
// Entry point: runs the CLI from a bundle compiled from the TypeScript sources (rebuilt when they change),
// so a fresh clone needs no build step. SPECWRIGHT_TSX=1 runs the sources through tsx instead.
if (process.env.SPECWRIGHT_TSX === "1") {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../generator/cli.ts");
} else {
  const { ensureCliBundle } = await import("./cli-bundle.js");
  await import(await ensureCliBundle());
}
