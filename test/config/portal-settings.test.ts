import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfigFile } from "../../generator/config/index.js";
import { isCssColor } from "../../generator/config/css-color.js";
import { writeSpecFiles as tempTree } from "../load/temp-spec.js";

async function load(portal: string, files: Record<string, string> = {}) {
  const dir = tempTree({ "specwright.config.yaml": `portal:\n${portal}`, ...files });
  return { dir, result: await loadConfigFile(join(dir, "specwright.config.yaml")).catch((error: unknown) => error) };
}

async function configError(portal: string, files: Record<string, string> = {}): Promise<ConfigError> {
  const { result } = await load(portal, files);
  expect(result).toBeInstanceOf(ConfigError);
  return result as ConfigError;
}

describe("config portal: section", () => {
  it("reads title, a local logo, colours, footer links, the tag-group threshold and the OAuth2 client", async () => {
    const { dir, result } = await load(
      [
        "  title: Acme APIs",
        "  logo: brand/logo.svg",
        "  colors: { primary: '#0a7', header: 'rgb(10, 20, 30)', dark: { primary: teal } }",
        "  footer:",
        "    - { label: Status, url: https://status.example.com }",
        "  tagGroupThreshold: 40",
        "  oauth2: { clientId: docs-portal, scopes: [pets.read] }",
        "",
      ].join("\n"),
      { "brand/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>" },
    );
    expect(result).not.toBeInstanceOf(Error);
    const { portal } = result as Awaited<ReturnType<typeof loadConfigFile>>;
    expect(portal).toEqual({
      title: "Acme APIs",
      logo: { file: join(dir, "brand/logo.svg"), contentType: "image/svg+xml", extension: ".svg" },
      colors: { primary: "#0a7", header: "rgb(10, 20, 30)", dark: { primary: "teal" } },
      footer: [{ label: "Status", url: "https://status.example.com" }],
      tagGroupThreshold: 40,
      oauth2: { clientId: "docs-portal", scopes: ["pets.read"] },
    });
  });

  it("defaults: no branding, threshold 250", async () => {
    const dir = tempTree({ "specwright.config.yaml": "extends: recommended\n" });
    const { portal } = await loadConfigFile(join(dir, "specwright.config.yaml"));
    expect(portal).toEqual({ colors: { dark: {} }, footer: [], tagGroupThreshold: 250 });
  });

  it("refuses a remote logo, a missing one and an unsupported type, at the logo's line", async () => {
    const remote = await configError("  title: x\n  logo: https://cdn.example.com/logo.png\n");
    expect(remote.message).toBe("the logo must be a local file, not a URL: https://cdn.example.com/logo.png");
    expect(remote.line).toBe(3);
    const missing = await configError("  logo: nowhere.png\n");
    expect(missing.message).toMatch(/^logo file not found: .*nowhere\.png$/);
    expect(missing.line).toBe(2);
    const html = await configError("  logo: logo.html\n", { "logo.html": "<script></script>" });
    expect(html.message).toBe('unsupported logo type ".html"');
  });

  it("refuses a colour that is not one, and a footer link that is not http(s), each at its place", async () => {
    const colour = await configError("  colors:\n    dark:\n      header: 'red; background: url(https://x.example)'\n");
    expect(colour.message).toBe('not a CSS colour: "red; background: url(https://x.example)"');
    expect(colour.line).toBe(4);
    const link = await configError("  footer:\n    - label: Home\n      url: javascript:alert(1)\n");
    expect(link.message).toBe("footer link is not an http(s) URL: javascript:alert(1)");
    expect(link.line).toBe(4);
    const key = await configError("  colour: { primary: red }\n");
    expect(key.message).toBe('unknown key "colour"');
    expect(key.fix).toContain('did you mean "colors"?');
    const threshold = await configError("  tagGroupThreshold: 0\n");
    expect(threshold.line).toBe(2);
  });

  it("accepts CSS colour forms and nothing that could escape a declaration", () => {
    for (const good of [
      "#fff",
      "#ffffffaa",
      "rgb(1 2 3 / 50%)",
      "hsl(120deg, 50%, 40%)",
      "oklch(0.7 0.1 200)",
      "RebeccaPurple",
      "transparent",
    ])
      expect(isCssColor(good), good).toBe(true);
    for (const bad of ["#ggg", "red;", "url(x)", "rgb(1,2,3) }", "var(--x)", "expression(alert(1))", "", "#12345"])
      expect(isCssColor(bad), bad).toBe(false);
  });
});
