import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RequestHandler } from "express";
import type { BuildModelOptions } from "../../generator/model/build-model.js";
import type { LoadedSpec } from "../catalog/loaded-spec.js";
import { isObject as isRecord } from "../../generator/facts/json-object.js";
import { loadCollectable } from "./collectable-module.js";
import type { MockFactory } from "./mock-backends.js";
import { MockFolders } from "./mock-folders.js";
import { SPECWRIGHT_CACHE } from "../../generator/load/cache-dir.js";

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MOCKS_DIR = join(SPECWRIGHT_CACHE, "mocks");

interface GeneratedMock {
  server: { createRouter(handlers: unknown, options: Record<string, unknown>): RequestHandler };
  mock: { createMockHandlers(): unknown };
}

/**
 * Mocks served by the server `specwright generate --server` writes, with its mock handlers: requests are validated
 * as the real server would (400/401/404/405/415 problems), pages come with signed tokens, 201s with Location. Any
 * credential is accepted, a missing one is refused, as a real deployment would.
 *
 * The server is generated under the package's node_modules/.cache (where its imports of express and ajv resolve),
 * once per content of the spec and version of the templates, and loaded as a collectable bundle; releasing the mock
 * (its spec was edited or removed) removes the folder unless another live API version has the same content.
 */
export function generatedMockFactory(modelOptionsFor?: (file: string) => BuildModelOptions): MockFactory {
  const secret = randomBytes(32);
  const folders = new MockFolders(MOCKS_DIR);
  return async (loaded) => {
    const file = loaded.document.rootFile;
    const options = modelOptionsFor?.(file) ?? { source: file };
    const outDir = await folders.acquire(contentHash(loaded.bundled, options));
    try {
      if (!existsSync(join(outDir, "mock.ts"))) await generate(loaded, outDir, options);
      const { server, mock } = await loadCollectable<GeneratedMock>(
        outDir,
        'export * as server from "./server.ts";\nexport * as mock from "./mock.ts";\n',
      );
      const handler = server.createRouter(mock.createMockHandlers(), {
        basePath: "",
        pageTokenSecret: secret,
        security: Object.fromEntries(schemeNames(loaded.bundled).map((name) => [name, () => ({ mock: true })])),
        logger: { error: (message: string) => process.stderr.write(`mock: ${message}\n`) },
      });
      return { handler, release: () => folders.release(outDir) };
    } catch (error) {
      await folders.release(outDir);
      throw error;
    }
  };
}

async function generate(loaded: LoadedSpec, outDir: string, options: BuildModelOptions): Promise<void> {
  const [{ buildModel }, { renderServer }, { writeOutputDir }] = await Promise.all([
    import("../../generator/model/build-model.js"),
    import("../../generator/emit/server/generate-server.js"),
    import("../../generator/emit/shared/output-dir.js"),
  ]);
  const model = buildModel(loaded.bundled, options);
  // types.ts only serves the type checker; the bundler strips types.
  const files = await renderServer(model, loaded.bundled, outDir, { skipTypes: true });
  // Under node_modules no package.json above says "module", and the sources are ES modules.
  files.set("package.json", '{ "type": "module", "private": true }\n');
  await writeOutputDir(outDir, files);
}

function schemeNames(bundled: Record<string, unknown>): string[] {
  const components = isRecord(bundled.components) ? bundled.components : {};
  return isRecord(components.securitySchemes) ? Object.keys(components.securitySchemes) : [];
}

let templatesStamp: string | undefined;

/** The spec, the model options (config declarations change what is generated) and the code that generates it. */
function contentHash(bundled: Record<string, unknown>, options: BuildModelOptions): string {
  templatesStamp ??=
    [join(PACKAGE_ROOT, "templates"), join(PACKAGE_ROOT, "generator")]
      .filter((dir) => existsSync(dir))
      .map(stampOf)
      .join("\n") + readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8");
  return createHash("sha256")
    .update(templatesStamp)
    .update(JSON.stringify(options))
    .update(JSON.stringify(bundled))
    .digest("hex")
    .slice(0, 20);
}

/** Names, sizes and mtimes of a source tree: a changed template or generator means a fresh mock. */
function stampOf(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const info = statSync(path);
      return `${path}:${info.size}:${info.mtimeMs}`;
    })
    .sort()
    .join("\n");
}
