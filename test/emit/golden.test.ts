// Golden files of the generated client and server for the example specs: a template or emitter change shows up in
// review as a diff of real output. Update them on purpose with `npx vitest run test/emit/golden.test.ts -u` and read
// the diff. The runtime files are copies of templates/runtime/ and are left out.
import { describe, expect, it } from "vitest";
import { bundleSpec, loadSpec } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/build-model.js";
import { renderClient } from "../../generator/emit/client/generate-client.js";
import { renderServer } from "../../generator/emit/server/generate-server.js";

const SPECS = ["specs/petstore/v1/openapi.yaml", "specs/petstore/v2/openapi.yaml", "specs/bookshop/v1/openapi.yaml"];

describe.each(SPECS)("the generated code for %s", (spec) => {
  it("matches its golden files", async () => {
    const bundled = await bundleSpec(await loadSpec(spec));
    const model = buildModel(bundled, { source: spec });
    const files = await renderClient(model, bundled);
    // The server beside the client, as `generate --client --server` writes them (no output folder read).
    for (const [path, content] of await renderServer(model, bundled, "/nonexistent/golden-output", {
      skipTypes: true,
      warn: () => undefined,
    }))
      files.set(path, content);
    const name = spec.split("/").slice(1, 3).join("-");
    const golden = [...files].filter(([path]) => !path.startsWith("runtime/")).sort(([a], [b]) => a.localeCompare(b));
    expect(golden.length).toBeGreaterThan(8);
    for (const [path, content] of golden)
      await expect(content, path).toMatchFileSnapshot(`./golden/${name}/${path}.golden`);
  }, 120_000);
});
