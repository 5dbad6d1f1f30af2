import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKS, SCHEMA_KINDS } from "../../generator/diff/checks.js";

const readme = readFileSync(resolve(import.meta.dirname, "../../generator/diff/README.md"), "utf8");

describe("generator/diff/README.md", () => {
  it("documents every check and every schema change kind with its classification", () => {
    for (const [id, check] of Object.entries(CHECKS)) expect(readme).toContain(`| \`${id}\` | ${check.classification} |`);
    for (const [kind, rule] of Object.entries(SCHEMA_KINDS)) expect(readme).toContain(`| \`${kind}\` | ${rule.request} | ${rule.response} |`);
  });
});
