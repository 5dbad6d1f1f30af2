import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { compileFunction } from "node:vm";

/**
 * Loads generated TypeScript modules as one closure the garbage collector can take back. Node never unloads an ES
 * module: imported once per spec edit, every generated mock stayed in memory for the life of the portal (about 1 MB
 * each). Bundled with esbuild into one CommonJS function instead (one copy of the runtime, so `instanceof` holds
 * between the server and the mock), the code is gone once nothing refers to its exports. Packages (express, ajv)
 * stay outside the bundle and load once, from the folder's node_modules, through `require`.
 *
 * `entry` is the source of the bundle's entry module, resolved in `dir`.
 */
export async function loadCollectable<T>(dir: string, entry: string): Promise<T> {
  const { build } = await import("esbuild");
  const result = await build({
    stdin: { contents: entry, resolveDir: dir, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "silent",
    plugins: [keepModuleLocations],
  });
  const filename = join(dir, "bundle.cjs");
  const code = result.outputFiles[0]!.text;
  // compileFunction, not runInThisContext or new Function: V8 keeps those scripts' sources in its compilation cache
  // (about 0.2 MB per distinct mock, for well over a hundred edits); a compiled function's code goes with it.
  const run = compileFunction(code, ["exports", "require", "module", "__filename", "__dirname"], { filename }) as (
    ...args: unknown[]
  ) => void;
  const module = { exports: {} as T };
  run(module.exports, createRequire(filename), module, filename, dir);
  return module.exports;
}

/** Spelt in two parts: the CLI's own bundler (bin/cli-bundle.js) rewrites the whole expression wherever it appears. */
const META = ["import", "meta"].join(".");

/** In a CommonJS bundle `import.meta` is empty: each module gets its own location written in (as bin/cli-bundle.js does). */
const keepModuleLocations = {
  name: "keep-module-locations",
  setup(build: {
    onLoad(
      options: { filter: RegExp },
      load: (args: { path: string }) => Promise<{ loader: "ts" | "js"; contents: string }>,
    ): void;
  }) {
    build.onLoad({ filter: /\.[jt]s$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      return {
        loader: args.path.endsWith(".ts") ? "ts" : "js",
        contents: source
          .replaceAll(`${META}.url`, JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll(`${META}.dirname`, JSON.stringify(dirname(args.path)))
          .replaceAll(`${META}.filename`, JSON.stringify(args.path)),
      };
    });
  },
};
