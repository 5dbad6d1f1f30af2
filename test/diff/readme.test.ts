import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKS, SCHEMA_KINDS } from "../../generator/diff/checks.js";

const readme = readFileSync(resolve(import.meta.dirname, "../../generator/diff/README.md"), "utf8");

describe("generator/diff/README.md", () => {
  it("documents every check and every schema change kind with its classification", () => {
    for (const [id, check] of Object.entries(CHECKS))
      expect(readme).toContain(`| \`${id}\` | ${check.classification} |`);
    for (const [kind, rule] of Object.entries(SCHEMA_KINDS))
      expect(readme).toContain(`| \`${kind}\` | ${rule.request} | ${rule.response} |`);
  });

  it("states one policy for responses that the classifications follow", () => {
    const policy = /### The policy for responses\n([\s\S]*?)\n## /.exec(readme)?.[1];
    expect(policy).toBeDefined();
    const bullet = (lead: string) => policy!.split("\n- ").find((item) => item.startsWith(lead)) ?? "";
    const kinds = (text: string) =>
      [...text.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]!).filter((name) => name in SCHEMA_KINDS);
    const breaking = kinds(bullet("**breaking**"));
    const warning = kinds(bullet("**warning**"));
    for (const kind of breaking)
      expect(SCHEMA_KINDS[kind as keyof typeof SCHEMA_KINDS].response, kind).toBe("breaking");
    for (const kind of warning) expect(SCHEMA_KINDS[kind as keyof typeof SCHEMA_KINDS].response, kind).toBe("warning");
    // Every kind that breaks or warns a response reader is placed by the policy.
    for (const [kind, rule] of Object.entries(SCHEMA_KINDS)) {
      if (rule.response === "breaking" || rule.response === "warning")
        expect([...breaking, ...warning], kind).toContain(kind);
    }
  });
});
