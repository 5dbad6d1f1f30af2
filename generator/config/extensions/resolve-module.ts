import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** `./x.mjs`, `../x.js`, `/abs/x.mjs`: a file; anything else names a package. */
export function isPathSpecifier(specifier: string): boolean {
  return /^\.{1,2}(\/|\\|$)/.test(specifier) || specifier.startsWith("/") || /^[A-Za-z]:[\\/]/.test(specifier);
}

export type Resolved = { file: string } | { error: string; fix: string };

/**
 * The file a plugin or shareable config specifier names: a path relative to the config's folder, or a package
 * found in a node_modules folder at or above it (as Node finds it), entered through its `exports` ("import" or
 * "default" condition), `main`, or index.js. Written out because Node's own resolver for ES modules cannot start
 * from an arbitrary folder (import.meta.resolve's parent argument is experimental in Node 20).
 */
export function resolveModule(specifier: string, fromDir: string): Resolved {
  if (isPathSpecifier(specifier)) {
    const file = resolve(fromDir, specifier);
    return isFile(file)
      ? { file }
      : { error: `file not found: ${file}`, fix: "check the path: it is relative to the folder of the config file" };
  }
  const match = /^((?:@[^/]+\/)?[^/@][^/]*)(\/.*)?$/.exec(specifier);
  if (!match)
    return {
      error: `"${specifier}" is neither a path nor a package name`,
      fix: "write a path starting with ./ or a package name such as @acme/specwright-rules",
    };
  const [, name, subpath] = match as unknown as [string, string, string | undefined];
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const packageDir = join(dir, "node_modules", name);
    if (isFile(join(packageDir, "package.json"))) return packageEntry(packageDir, subpath ? `.${subpath}` : ".");
    if (dirname(dir) === dir) break;
  }
  return {
    error: `package "${name}" is not installed (no node_modules/${name} at or above ${fromDir})`,
    fix: `install it next to the config: npm install --save-dev ${name}`,
  };
}

function packageEntry(packageDir: string, subpath: string): Resolved {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    exports?: unknown;
    main?: string;
  };
  let target: string | undefined;
  if (manifest.exports !== undefined) {
    const exports = manifest.exports;
    const isSubpathMap =
      typeof exports === "object" && exports !== null && Object.keys(exports).some((key) => key.startsWith("."));
    target = conditionalTarget(
      isSubpathMap ? (exports as Record<string, unknown>)[subpath] : subpath === "." ? exports : undefined,
    );
    if (target === undefined)
      return {
        error: `package ${packageDir} does not export "${subpath}"`,
        fix: 'give the package an "exports" entry for it (condition "import" or "default")',
      };
  } else target = subpath === "." ? (manifest.main ?? "index.js") : subpath;
  const file = resolve(packageDir, target);
  return isFile(file)
    ? { file }
    : { error: `the entry point of ${packageDir} is missing: ${file}`, fix: "build or reinstall the package" };
}

function conditionalTarget(entry: unknown): string | undefined {
  if (typeof entry === "string") return entry;
  if (Array.isArray(entry)) return entry.map(conditionalTarget).find((target) => target !== undefined);
  if (typeof entry !== "object" || entry === null) return undefined;
  for (const [condition, value] of Object.entries(entry)) {
    if (condition === "import" || condition === "node" || condition === "default") {
      const target = conditionalTarget(value);
      if (target !== undefined) return target;
    }
  }
  return undefined;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
