import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfigFile } from "../../generator/config/index.js";

const root = resolve(import.meta.dirname, "../..");

/** The first ```yaml block after `marker` in a markdown file. */
function yamlAfter(file: string, marker: string): string {
  const text = readFileSync(join(root, file), "utf8");
  const start = text.indexOf(marker);
  expect(start).toBeGreaterThan(-1);
  const block = /```yaml\n([\s\S]*?)```/.exec(text.slice(start));
  return block![1]!;
}

async function load(yaml: string) {
  const file = join(mkdtempSync(join(tmpdir(), "specwright-policy-doc-")), "specwright.config.yaml");
  writeFileSync(file, yaml);
  return loadConfigFile(file);
}

describe("the documented diff policy examples are valid config", () => {
  it("generator/diff/README.md: the accept-list and the policy example", async () => {
    const accept = (await load(yamlAfter("generator/diff/README.md", "## Accept-list"))).diff.accept;
    expect(accept.map(({ check, operation, pointer, expires }) => ({ check, operation, pointer, expires }))).toEqual([
      {
        check: "response-property-removed",
        operation: "GET /pets/{id}",
        pointer: "/components/schemas/Pet/properties/nickname",
        expires: "2027-01-31",
      },
    ]);
    const policy = (await load(yamlAfter("generator/diff/README.md", "## Policy: severity and stability"))).diff;
    expect(Object.keys(policy.severity)).toEqual(["response-enum-value-added", "param-removed"]);
    expect(policy.stability.map((rule) => rule.selector)).toEqual(["GET /beta/**", "/labs/**"]);
  });

  it("README.md: the Diff section's example", async () => {
    const { diff } = await load(yamlAfter("README.md", "**Accepting a breaking change"));
    expect(diff.accept).toHaveLength(1);
    expect(diff.severity["response-enum-value-added"]?.classification).toBe("breaking");
  });
});
