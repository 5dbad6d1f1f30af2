// The CLI runs from one ES module compiled from the TypeScript sources by esbuild, rebuilt whenever a source file
// changes. Running the sources through tsx's loader hooks instead costs ~0.7 s of CPU on every invocation.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SOURCE_DIRS = ["generator", "portal", "templates"];
const STALE_BUNDLE_MS = 60 * 60 * 1000;

/** Returns the file URL of an up-to-date CLI bundle, building it first if any source changed since the last build. */
export async function ensureCliBundle() {
  const cacheDir = writableCacheDir();
  const stamp = fingerprint();
  const bundleDir = join(cacheDir, `cli-${stamp}`);
  if (!existsSync(bundleDir)) {
    await buildBundle(bundleDir);
    removeStaleBundles(cacheDir, bundleDir);
  }
  return pathToFileURL(join(bundleDir, "cli.mjs")).href;
}

function writableCacheDir() {
  for (const dir of [join(ROOT, "node_modules", ".cache", "specwright"), join(tmpdir(), "specwright-cache")]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // read-only install: try the next place
    }
  }
  throw new Error("no writable cache directory for the CLI bundle");
}

/** Bundles of earlier sources; kept for an hour in case a process started from one is still loading it. */
function removeStaleBundles(cacheDir, current) {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (path === current || !name.startsWith("cli-")) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_BUNDLE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // another process removed it first
    }
  }
}

/** A hash of every source file's path, size and modification time, package.json and this builder. */
function fingerprint() {
  const hash = createHash("sha256");
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) visit(path);
      } else if (entry.name.endsWith(".ts") || entry.name.endsWith(".json")) {
        const info = statSync(path);
        hash.update(`${path}\0${info.size}\0${info.mtimeMs}\n`);
      }
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(ROOT, dir))) visit(join(ROOT, dir));
  hash.update(readFileSync(join(ROOT, "package.json")));
  hash.update(readFileSync(fileURLToPath(import.meta.url))); // how the bundle is built is part of what it is
  return hash.digest("hex").slice(0, 16);
}

async function buildBundle(target) {
  const temp = `${target}.${process.pid}.tmp`;
  await bundleSources({ entryPoints: { cli: join(ROOT, "generator", "cli.ts") }, outdir: temp, locations: "absolute" });
  // Several processes may build at once (parallel tests): each writes its own folder, the rename is atomic, and a
  // process that loses the race uses the winner's identical build.
  try {
    renameSync(temp, target);
  } catch (error) {
    if (!existsSync(target)) throw error;
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * Compiles entry points into ES modules in `outdir`, one chunk per `await import()` so a command loads only what it
 * uses. `locations: "absolute"` writes each source file's own path in place of `import.meta.url` (a bundle in the
 * cache beside this checkout); `"relative"` writes it relative to the package root, which is the parent of
 * `outdir` (dist/ of a published package, wherever it is installed).
 */
export async function bundleSources({ entryPoints, outdir, locations }) {
  const { build, stop } = await import("esbuild");
  try {
    await build({
      entryPoints,
      bundle: true,
      splitting: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outdir,
      // A bundled package loads as one parsed file instead of hundreds of resolved CommonJS modules (ajv and yaml
      // alone are ~460 on every lint); the rest stay imports of the installed packages.
      plugins: [keepModuleLocations(locations), externalExcept(INLINED_PACKAGES)],
      // The inlined CommonJS packages `require` Node's built-ins, which an ES module has no `require` for.
      // ES builds where a package has one (jsonc-parser's CommonJS build is UMD, which esbuild cannot follow).
      mainFields: ["module", "main"],
      banner: {
        js: 'import { createRequire as __specwrightRequire } from "node:module"; const require = __specwrightRequire(import.meta.url);',
      },
      outExtension: { ".js": ".mjs" },
      logLevel: "error",
    });
  } finally {
    // esbuild's service process (70 MB) would otherwise live as long as the command that built the bundle.
    await stop();
  }
}

/** Pure-JavaScript dependencies of the lint/diff path that start faster bundled than loaded from node_modules. */
const INLINED_PACKAGES = new Set([
  "ajv",
  "ajv-formats",
  "yaml",
  "commander",
  "picomatch",
  "jsonc-parser",
  "fast-uri",
  "fast-deep-equal",
  "json-schema-traverse",
  "require-from-string",
  "pluralize",
]);

/** Every bare import is left to Node's resolution, except the packages named. */
function externalExcept(inlined) {
  return {
    name: "external-except",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0];
        return inlined.has(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/**
 * Bundling would make every `import.meta.url` the bundle's; the sources find templates and package files relative to
 * themselves, so each module keeps its own location.
 */
function keepModuleLocations(locations) {
  return {
    name: "keep-module-locations",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        const absolute = locations === "absolute";
        const url = absolute ? JSON.stringify(pathToFileURL(args.path).href) : relocatableUrl(args.path);
        const file = absolute ? JSON.stringify(args.path) : `(await import("node:url")).fileURLToPath(${url})`;
        const dir = absolute ? JSON.stringify(dirname(args.path)) : `(await import("node:path")).dirname(${file})`;
        return {
          loader: "ts",
          contents: source
            .replaceAll("import.meta.url", url)
            .replaceAll("import.meta.dirname", dir)
            .replaceAll("import.meta.filename", file),
        };
      });
    },
  };
}

/** The source file's URL as it would be in the installed package: its path below the root, resolved from the chunk. */
function relocatableUrl(path) {
  const below = relative(ROOT, path).split(sep).join("/");
  return `new URL(${JSON.stringify(below)}, new URL("../", import.meta.url)).href`;
}
