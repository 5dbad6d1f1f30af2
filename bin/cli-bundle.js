// The CLI runs from one ES module compiled from the TypeScript sources by esbuild, rebuilt whenever a source file
// changes. Running the sources through tsx's loader hooks instead costs ~0.7 s of CPU on every invocation.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
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
  const { build } = await import("esbuild");
  const temp = `${target}.${process.pid}.tmp`;
  await build({
    entryPoints: { cli: join(ROOT, "generator", "cli.ts") },
    bundle: true,
    // Each `await import()` becomes its own chunk, so a command loads only what it uses.
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outdir: temp,
    outExtension: { ".js": ".mjs" },
    logLevel: "error",
    plugins: [keepModuleLocations],
  });
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
 * Bundling would make every `import.meta.url` the bundle's; the sources find templates and package files relative to
 * themselves, so each module keeps its own location.
 */
const keepModuleLocations = {
  name: "keep-module-locations",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      return {
        loader: "ts",
        contents: source
          .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
          .replaceAll("import.meta.filename", JSON.stringify(args.path)),
      };
    });
  },
};

