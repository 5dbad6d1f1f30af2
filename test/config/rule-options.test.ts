import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfigFile } from "../../generator/config/index.js";
import { ALL_RULES } from "../../generator/conventions/index.js";
import { writeSpecFiles as tempTree } from "../load/temp-spec.js";
import { configErrorOf } from "./config-error-of.js";

const configError = (text: string) => configErrorOf({ "specwright.config.yaml": text });

describe("rule options are checked when the config loads", () => {
  it("a misspelt option names the rule, the option, its place, the allowed keys and a suggestion", async () => {
    const error = await configError(
      "extends: recommended\nrules:\n  rest/plural-collections: [warn, { singletonz: [config] }]\n",
    );
    expect(error.message).toBe('unknown option "singletonz" for rule rest/plural-collections');
    expect([error.line, error.column]).toEqual([3, 37]);
    expect(error.fix).toBe(
      'did you mean "singletons"? rest/plural-collections takes: singletons (see docs/rules.md#rest-plural-collections)',
    );
  });

  it("a mistyped option, in the { severity, options } spelling and inside an override", async () => {
    const error = await configError(
      "rules:\n  pagination/required:\n    severity: warn\n    options:\n      allowTopLevelArray: yes please\n",
    );
    expect(error.message).toBe('invalid option "allowTopLevelArray" for rule pagination/required: must be boolean');
    expect([error.line, error.column]).toEqual([5, 7]);
    const inList = await configError(
      "overrides:\n  - files: ['legacy/**']\n    rules:\n      rest/json-media: [warn, { allow: [1] }]\n",
    );
    expect(inList.message).toBe('invalid option "allow.0" for rule rest/json-media: must be string');
    expect(inList.line).toBe(4);
    const choice = await configError("rules:\n  rest/property-casing: [error, { casing: kebab }]\n");
    expect(choice.message).toContain("must be one of settings, snake, camel");
  });

  it("an option given to a rule that takes none", async () => {
    const error = await configError("rules:\n  oas/schema: [error, { depth: 2 }]\n");
    expect(error.fix).toContain("oas/schema takes no options");
  });

  it("accepts correct options", async () => {
    const dir = tempTree({
      "specwright.config.yaml":
        "rules:\n  rest/plural-collections: [warn, { singletons: [config] }]\n  oas/pattern-backtracking: [error, { maxSteps: 1000 }]\n",
    });
    expect(
      (await loadConfigFile(join(dir, "specwright.config.yaml"))).rules["rest/plural-collections"]?.options,
    ).toEqual({ singletons: ["config"] });
  });

  it("every built-in rule declares a schema that refuses unknown options and accepts its defaults", async () => {
    const { Ajv } = await import("ajv");
    const ajv = new Ajv({ strict: true });
    for (const rule of ALL_RULES) {
      expect(rule.optionsSchema, rule.id).toMatchObject({ type: "object", additionalProperties: false });
      const validate = ajv.compile(rule.optionsSchema ?? {});
      expect(validate(rule.defaultOptions), `${rule.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(Object.keys((rule.optionsSchema as { properties: object }).properties).sort(), rule.id).toEqual(
        Object.keys(rule.defaultOptions).sort(),
      );
    }
  });
});
