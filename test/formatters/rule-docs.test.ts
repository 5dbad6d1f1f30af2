import { describe, expect, it } from "vitest";
import { renderRuleDocs } from "../../generator/conventions/rule-docs.js";
import { defineRule } from "../../generator/conventions/index.js";

const rules = [
  defineRule({
    id: "rest/path-casing",
    description: "Segments are kebab-case | lowercase.",
    recommended: "warn",
    defaultOptions: {},
    create: () => ({}),
  }),
  defineRule({
    id: "rest/plural-collections",
    description: "Plural collections.",
    recommended: "off",
    minimal: true,
    defaultOptions: { singletons: ["me"] },
    optionsSchema: {
      type: "object",
      additionalProperties: false,
      properties: { singletons: { type: "array", items: { type: "string" } } },
    },
    create: () => ({}),
  }),
];

describe("docs/rules.md rendering", () => {
  const markdown = renderRuleDocs(rules);

  it("gives each rule the anchor its diagnostics link to (docUrl fragment)", () => {
    expect(markdown).toContain('<a id="rest-path-casing"></a>\n\n### rest/path-casing');
    expect(markdown).toContain('<a id="rest-plural-collections"></a>\n\n### rest/plural-collections');
  });

  it("lists each rule's severity per preset in the table, escaping cell pipes", () => {
    expect(markdown).toContain(
      "| [rest/path-casing](#rest-path-casing) | off | warn | error | Segments are kebab-case \\| lowercase. |",
    );
    expect(markdown).toContain(
      "| [rest/plural-collections](#rest-plural-collections) | error | off | error | Plural collections. |",
    );
  });

  it("documents default options with a config example", () => {
    expect(markdown).toContain('  - `singletons`: `["me"]` (list of strings)');
    expect(markdown).toContain('  rest/plural-collections: [error, { singletons: ["me"] }]');
  });
});

describe("docs/rules.md in the repository", () => {
  it("is up to date with the rules (regenerate with `npm run docs:rules`)", async () => {
    const { readFileSync } = await import("node:fs");
    const { ALL_RULES } = await import("../../generator/conventions/index.js");
    const committed = readFileSync(new URL("../../docs/rules.md", import.meta.url), "utf8");
    expect(committed).toBe(renderRuleDocs(ALL_RULES));
  });
});
