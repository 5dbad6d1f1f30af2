// `specwright diff` and the library's diff read the config alike: settings.errors.schema names the error schema that
// is compared once for the whole API.
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runDiff } from "../../generator/cli/diff.js";
import { defaultConfig } from "../../generator/config/index.js";
import { diff } from "../../generator/library/diff.js";
import { writeSpecFiles } from "../load/temp-spec.js";
import { ids } from "./fixtures.js";

const failure = (schema: string) =>
  `{ description: e, content: { application/json: { schema: { $ref: '#/components/schemas/${schema}' } } } }`;

/** /pets fails with Fault (with `code` or not), /owners with Other: three responses, the most returned schema. */
function spec(withCode: boolean): string {
  return [
    "openapi: 3.1.0",
    "info: { title: t, version: 1.0.0 }",
    "paths:",
    `  /pets: { get: { responses: { '200': { description: ok }, '400': ${failure("Fault")}, '500': ${failure("Fault")} } } }`,
    `  /owners: { get: { responses: { '200': { description: ok }, '400': ${failure("Other")}, '404': ${failure("Other")}, '500': ${failure("Other")} } } }`,
    "components:",
    "  schemas:",
    "    Other: { type: object, properties: { error: { type: string } } }",
    `    Fault: { type: object, properties: { message: { type: string }${withCode ? ", code: { type: string }" : ""} } }`,
  ].join("\n");
}

const CONFIG = "settings:\n  errors: { schema: Fault, mediaType: application/json }\n";

describe("the error schema the config names", () => {
  it("is compared once by `specwright diff`", async () => {
    const dir = writeSpecFiles({ "old.yaml": spec(true), "new.yaml": spec(false), "specwright.config.yaml": CONFIG });
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => written.push(String(chunk)) > 0);
    try {
      await runDiff(["old.yaml", "new.yaml"], { format: "json" }, dir);
    } finally {
      stdout.mockRestore();
    }
    const { changes } = JSON.parse(written.join("")) as { changes: Array<{ id: string }> };
    expect(changes.map((change) => change.id)).toEqual(["error-schema-property-removed"]);
  });

  it("is compared once by the library's diff, with the nearest config or the one given", async () => {
    const dir = writeSpecFiles({ "old.yaml": spec(true), "new.yaml": spec(false), "specwright.config.yaml": CONFIG });
    expect(ids(await diff(join(dir, "old.yaml"), join(dir, "new.yaml")))).toEqual([
      "error-schema-property-removed:breaking",
    ]);
    // Without that setting the standard is Other, the one most error responses return: Fault changes at each use.
    expect(ids(await diff(join(dir, "old.yaml"), join(dir, "new.yaml"), { config: defaultConfig(dir) }))).toEqual([
      "response-property-removed:breaking",
      "response-property-removed:breaking",
    ]);
  });
});
