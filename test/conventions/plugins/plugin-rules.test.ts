import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../../../generator/library/lint.js";
import { generate } from "../../../generator/library/generate.js";
import { lintConfigFor, loadConfigFile } from "../../../generator/config/index.js";
import { lintDocument } from "../../../generator/conventions/index.js";
import { loadSpec } from "../../../generator/load/index.js";
import { writeSpecFiles as tempTree } from "../../load/temp-spec.js";
import { configErrorOf } from "../../config/config-error-of.js";
import { CRASHING_PLUGIN, OWNER_PLUGIN, RULES_PACKAGE_JSON, SPEC } from "./plugin-fixtures.js";

/** Only the custom rules' problems: the built-in ones are not what these tests are about. */
async function customProblems(dir: string) {
  const diagnostics = await lint(join(dir, "api.yaml"), { config: join(dir, "specwright.config.yaml") });
  return diagnostics
    .filter((d) => d.ruleId.startsWith("acme/"))
    .map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      line: d.line,
      column: d.column,
      message: d.message,
      docUrl: d.docUrl,
    }));
}

const configError = configErrorOf;

describe("plugin rules", () => {
  it("a file plugin's rule reports at the exact line of the node, with its docs link", async () => {
    const dir = tempTree({
      "specwright.config.yaml": "plugins: [./rules/acme.mjs]\n",
      "rules/acme.mjs": OWNER_PLUGIN,
      "api.yaml": SPEC,
    });
    expect(await customProblems(dir)).toEqual([
      {
        ruleId: "acme/has-owner",
        severity: "error",
        line: 10,
        column: 5,
        message: "POST /v1/orders has no x-owner",
        docUrl: "https://acme.example/rules/has-owner",
      },
    ]);
  });

  it("a package plugin is found in node_modules above the config, and its options and severity come from the config", async () => {
    const dir = tempTree({
      "specwright.config.yaml":
        "plugins: ['@acme/specwright-rules']\nrules:\n  acme/has-owner: [warn, { key: x-team }]\n",
      "node_modules/@acme/specwright-rules/package.json": RULES_PACKAGE_JSON,
      "node_modules/@acme/specwright-rules/index.mjs": OWNER_PLUGIN,
      "api.yaml": SPEC,
    });
    expect((await customProblems(dir)).map((p) => [p.severity, p.line, p.message])).toEqual([
      ["warn", 5, "GET /v1/orders has no x-team"],
      ["warn", 10, "POST /v1/orders has no x-team"],
    ]);
  });

  it("a rule that throws is reported as a problem of that rule, and the other rules still run and honour x-specwright-ignore", async () => {
    const dir = tempTree({
      "specwright.config.yaml": "plugins: [./crash.mjs]\n",
      "crash.mjs": CRASHING_PLUGIN,
      "api.yaml": SPEC,
    });
    const problems = await customProblems(dir);
    expect(problems.filter((p) => p.ruleId === "acme/crashes").map((p) => p.message)).toEqual([
      "internal error in rule acme/crashes: boom (please report it; other rules ran)",
    ]);
    expect(problems.filter((p) => p.ruleId === "acme/crashes-early").map((p) => p.message)).toEqual([
      "internal error in rule acme/crashes-early: bad setup (please report it; other rules ran)",
    ]);
    expect(problems.filter((p) => p.ruleId === "acme/no-place").map((p) => [p.line, p.message])).toEqual([
      [
        1,
        "internal error in rule acme/no-place: report() needs `at`: the `at` of a node ({ file, pointer }) (please report it; other rules ran)",
      ],
    ]);
    // reported on the GET (line 5) only: the POST carries x-specwright-ignore: [acme/ignored-here]
    expect(problems.filter((p) => p.ruleId === "acme/ignored-here").map((p) => p.line)).toEqual([5]);
  });

  it("overrides change a plugin rule's severity per file and per pointer", async () => {
    const dir = tempTree({
      "specwright.config.yaml":
        "plugins: [./rules/acme.mjs]\noverrides:\n  - pointer: /paths/~1v1~1orders/post\n    rules: { acme/has-owner: off }\n",
      "rules/acme.mjs": OWNER_PLUGIN,
      "api.yaml": SPEC,
    });
    expect(await customProblems(dir)).toEqual([]);
  });
});

describe("plugins that cannot be used are config errors at the line naming them", () => {
  it("a missing file", async () => {
    const error = await configError({
      "specwright.config.yaml": "extends: recommended\nplugins:\n  - ./rules/missing.mjs\n",
    });
    expect([error.line, error.column]).toEqual([3, 5]);
    expect(error.message).toContain('cannot load "./rules/missing.mjs": file not found');
    expect(error.fix).toContain("relative to the folder of the config file");
  });

  it("a package that is not installed", async () => {
    const error = await configError({ "specwright.config.yaml": "plugins: ['@acme/nope']\n" });
    expect([error.line, error.column]).toEqual([1, 11]);
    expect(error.fix).toContain("npm install --save-dev @acme/nope");
  });

  it("a syntax error in the plugin", async () => {
    const error = await configError({
      "specwright.config.yaml": "plugins: [./bad.mjs]\n",
      "bad.mjs": "export default { rules: [ }\n",
    });
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/^cannot load "\.\/bad\.mjs" .*syntax/i);
  });

  it("a plugin of the wrong shape, a rule without create, an id without a namespace or clashing with a built-in", async () => {
    const plugin = (rule: string) => ({
      "specwright.config.yaml": "plugins: [./p.mjs]\n",
      "p.mjs": `export default { rules: [${rule}] };\n`,
    });
    expect(
      (await configError({ "specwright.config.yaml": "plugins: [./p.mjs]\n", "p.mjs": "export default 42;\n" }))
        .message,
    ).toContain("does not export an object");
    const base = 'description: "d", recommended: "warn", defaultOptions: {}';
    expect((await configError(plugin(`{ id: "acme/x", ${base} }`))).message).toBe(
      'rule acme/x of plugin "./p.mjs" has no create(context) function',
    );
    expect((await configError(plugin(`{ id: "has-owner", ${base}, create() { return {}; } }`))).message).toContain(
      "is not namespaced",
    );
    const clash = await configError(plugin(`{ id: "rest/plural-collections", ${base}, create() { return {}; } }`));
    expect(clash.message).toContain("is a built-in rule's");
    expect(clash.line).toBe(1);
  });

  it("a plugin rule whose options schema does not compile, named when the config gives it options", async () => {
    const rule =
      '{ id: "acme/x", description: "d", recommended: "warn", defaultOptions: {}, optionsSchema: { type: "object", properties: { a: { type: "strnig" } } }, create() { return {}; } }';
    const error = await configError({
      "specwright.config.yaml": "plugins: [./p.mjs]\nrules:\n  acme/x: [warn, { a: b }]\n",
      "p.mjs": `export default { rules: [${rule}] };\n`,
    });
    expect(error.message).toMatch(/^the optionsSchema of rule acme\/x is not a valid JSON Schema/);
    expect(error.line).toBe(3);
  });

  it("a rule id unknown without its plugin names the remedy", async () => {
    const error = await configError({ "specwright.config.yaml": "rules:\n  acme/has-owner: error\n" });
    expect(error.fix).toContain("under `plugins:`");
  });
});

describe("every consumer of the rule list sees plugin rules", () => {
  it("generate's lint gate stops on a plugin rule's error, and the portal's lint config runs it", async () => {
    const dir = tempTree({
      "specwright.config.yaml": "extends: minimal\nplugins: [./rules/acme.mjs]\nrules:\n  acme/has-owner: error\n",
      "rules/acme.mjs": OWNER_PLUGIN,
      "api.yaml": SPEC,
    });
    const result = await generate({
      spec: join(dir, "api.yaml"),
      out: join(dir, "gen"),
      config: join(dir, "specwright.config.yaml"),
    });
    expect(result.status).toBe("lint-failed");
    if (result.status !== "lint-failed") return;
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(["acme/has-owner"]);
    expect(result.report).toContain("acme/has-owner");
    // The portal lints with lintConfigFor(config, file), as here.
    const config = await loadConfigFile(join(dir, "specwright.config.yaml"));
    const document = await loadSpec(join(dir, "api.yaml"));
    expect(lintDocument(document, lintConfigFor(config, document.rootFile)).map((d) => d.ruleId)).toContain(
      "acme/has-owner",
    );
  });
});
