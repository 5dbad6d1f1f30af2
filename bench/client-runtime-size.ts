// Size of the generated client's runtime as a user's bundler would ship it: every runtime export bundled,
// minified, gzipped. Goal: < 5 kB. Run: node bin/run-ts.js bench/client-runtime-size.ts
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const runtimeDir = resolve("templates/runtime/client");
const modules = readdirSync(runtimeDir).filter((file) => file.endsWith(".ts"));
const entry = modules.map((file) => `export * from ${JSON.stringify("./" + file)};`).join("\n");

const result = await build({
  stdin: { contents: entry, resolveDir: runtimeDir, loader: "ts" },
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  write: false,
  logLevel: "silent",
});
const code = result.outputFiles[0]?.contents ?? new Uint8Array();
const gzipped = gzipSync(code, { level: 9 }).length;
console.log(`client runtime (${modules.length} modules from ${join("templates", "runtime", "client")})`);
console.log(`  minified:        ${(code.length / 1024).toFixed(2)} kB`);
console.log(`  minified+gzip:   ${(gzipped / 1024).toFixed(2)} kB  (goal < 5 kB: ${gzipped < 5 * 1024 ? "met" : "NOT met"})`);
