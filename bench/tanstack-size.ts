// What the TanStack Query adapter (`--tanstack-query`) adds to a bundle (esbuild, minified, gzip level 9), for the
// fixture of its tests and for petstore: one query option, one infinite query option of each paging kind, and the
// whole tanstack-query.ts, each beside the standalone function it is built on. @tanstack/query-core is imported for
// types only, so nothing of TanStack is in these bundles (an app bundles its own TanStack Query).
// Run: node bin/run-ts.js bench/tanstack-size.ts
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { generateClient } from "../generator/emit/client/generate-client.js";
import { bundleSpec, loadSpec } from "../generator/load/index.js";
import { buildModel } from "../generator/model/build-model.js";

async function gzipped(contents: string, resolveDir: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`.padStart(9);
/** An app that creates a base client and uses `names` of `module`. */
const app = (module: string, names: string[]) =>
  `import { createBaseClient } from "./client.js";\nimport { ${names.join(", ")} } from "./${module}.js";\nconsole.log(createBaseClient(), ${names.join(", ")});`;

const apis = [
  {
    name: "TanStack fixture",
    spec: "test/client/fixtures/tanstack-paging.yaml",
    ops: ["getTask", "listTasks", "listEvents", "listCharges", "listRepos"],
  },
  { name: "petstore v1", spec: "specs/petstore/v1/openapi.yaml", ops: ["getPet", "listPets"] },
];

const work = mkdtempSync(join(tmpdir(), "specwright-tanstack-size-"));
try {
  for (const api of apis) {
    const document = await bundleSpec(await loadSpec(resolve(api.spec)));
    const model = buildModel(document, { source: api.spec });
    const out = join(work, api.name.replace(/\W+/g, "-"));
    await generateClient(model, document, out, { skipTypes: true, tanstackQuery: true });
    console.log(`${api.name} (min+gzip, with createBaseClient)`);
    for (const op of api.ops) {
      const paged = model.operations.find((candidate) => candidate.id === op)?.pagination;
      const option = paged ? `${op}InfiniteQueryOptions` : `${op}QueryOptions`;
      const label = paged ? `${option} (${paged.kind})` : option;
      console.log(
        `  ${label.padEnd(46)} ${kB(await gzipped(app("tanstack-query", [option]), out))}   ${op} alone ${kB(await gzipped(app("client", [op]), out))}`,
      );
    }
    const whole = await gzipped(
      `import { createBaseClient } from "./client.js";\nimport * as all from "./tanstack-query.js";\nconsole.log(createBaseClient(), all);`,
      out,
    );
    console.log(`  ${"every option of tanstack-query.ts".padEnd(46)} ${kB(whole)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
