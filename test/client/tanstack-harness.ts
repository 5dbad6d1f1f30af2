// The TanStack adapter's tests (Node and Chromium): the fixture spec's client (with tanstack-query.ts), server and
// mock generated into one folder under test/server/.tmp (inside the repository, so that @tanstack/* and react
// resolve); e2e-harness.ts's serveGeneratedMock serves its mock.
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { renderClient } from "../../generator/emit/client/generate-client.js";
import { renderServer } from "../../generator/emit/server/generate-server.js";
import { writeOutputDir } from "../../generator/emit/shared/output-dir.js";
import { bundleSpec, loadSpec } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/build-model.js";
import { TMP_DIR } from "../server/e2e-harness.js";

export const TANSTACK_SPEC = "test/client/fixtures/tanstack-paging.yaml";
/** A React page over the adapter, copied beside the generated client as page.ts (type-checked and bundled there). */
const PAGE_FIXTURE = "test/client/fixtures/tanstack-page.ts";

/** Generates client (with the adapter), server and mock for the fixture spec into test/server/.tmp/<name>. */
export async function generateTanstackApi(name: string): Promise<string> {
  const document = await bundleSpec(await loadSpec(TANSTACK_SPEC));
  const model = buildModel(document, { source: TANSTACK_SPEC });
  const outDir = join(TMP_DIR, name);
  await rm(outDir, { recursive: true, force: true }); // no handlers.ts scaffolded by an older fixture
  const files = await renderClient(model, document, { tanstackQuery: true });
  for (const [path, content] of await renderServer(model, document, outDir, { skipTypes: true }))
    files.set(path, content);
  files.set("page.ts", (await readFile(PAGE_FIXTURE, "utf8")).replace(/^\/\/ @ts-nocheck[^\n]*\n/, ""));
  await writeOutputDir(outDir, files);
  return outDir;
}
