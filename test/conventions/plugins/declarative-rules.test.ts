import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../../../generator/library/lint.js";
import { type ConfigError, loadConfigFile } from "../../../generator/config/index.js";
import { writeSpecFiles as tempTree } from "../../load/temp-spec.js";
import { configErrorOf } from "../../config/config-error-of.js";
import { SPEC } from "./plugin-fixtures.js";

/** [line, column, message] of the problems of the one declarative rule `acme/r` defined by `definition`. */
async function problems(definition: string, severity = "error"): Promise<Array<[number, number, string]>> {
  const dir = tempTree({
    "specwright.config.yaml": `rules:\n  acme/r:\n    severity: ${severity}\n    declarative: ${definition}\n`,
    "api.yaml": SPEC,
  });
  const diagnostics = await lint(join(dir, "api.yaml"), { config: join(dir, "specwright.config.yaml") });
  return diagnostics.filter((d) => d.ruleId === "acme/r").map((d) => [d.line, d.column, d.message]);
}

const configError = (definition: string) =>
  configErrorOf({ "specwright.config.yaml": `rules:\n  acme/r:\n    declarative: ${definition}\n` });

describe("declarative rules", () => {
  it("present: every operation has x-owner, reported at the operation", async () => {
    expect(await problems("{ given: operations, field: x-owner, check: present }")).toEqual([
      [10, 5, "operation POST /v1/orders has no x-owner"],
    ]);
  });

  it("present: every schema property has a description, reported at the property", async () => {
    expect(await problems("{ given: properties, field: description, check: present }")).toEqual([
      [21, 9, 'property "total" has no description'],
    ]);
  });

  it("pattern: at the field", async () => {
    expect(await problems("{ given: operations, field: x-owner, check: pattern, pattern: '^team-[a-z]+$' }")).toEqual(
      [],
    );
    expect(await problems("{ given: operations, field: x-owner, check: pattern, pattern: '^squad-' }")).toEqual([
      [7, 7, 'x-owner of operation GET /v1/orders "team-orders" does not match /^squad-/'],
    ]);
  });

  it("enum: on a JSON-pointer pattern", async () => {
    expect(
      await problems("{ given: '/paths/*/*/responses/*', field: description, check: enum, values: [ok] }"),
    ).toEqual([[14, 18, 'description of /paths/~1v1~1orders/post/responses/201 "created" is not one of "ok"']]);
  });

  it("casing: of a field, and of the node's own name (@key)", async () => {
    expect(await problems("{ given: operations, field: operationId, check: casing, casing: camel }")).toEqual([
      [11, 7, 'operationId of operation POST /v1/orders "create_order" is not camel case'],
    ]);
    expect(await problems("{ given: properties, field: '@key', check: casing, casing: kebab }")).toEqual([]);
    expect(await problems("{ given: schemas, field: type, check: casing, casing: pascal }", "warn")).toHaveLength(3);
  });

  it("length: min and max, with the message given in the config", async () => {
    expect(
      await problems(
        "{ given: properties, field: description, check: length, min: 10, message: 'describe it in a sentence' }",
      ),
    ).toEqual([[20, 29, "describe it in a sentence"]]);
    expect(await problems("{ given: responses, field: description, check: length, max: 2 }")).toEqual([
      [14, 18, "description of response 201 of POST /v1/orders is longer than 2 (7)"],
    ]);
  });

  it("is refused with its place when it is malformed", async () => {
    const check = await configError("{ given: operations, field: x-owner, check: presnt }");
    expect([check.message, check.line]).toEqual(['unknown check "presnt"', 3]);
    expect(check.fix).toContain('did you mean "present"');
    expect((await configError("{ given: routes, field: x, check: present }")).fix).toContain(
      "operations, parameters, responses, schemas, properties",
    );
    expect((await configError("{ given: operations, field: x, check: pattern, pattern: '(' }")).message).toMatch(
      /^invalid pattern/,
    );
    expect((await configError("{ given: operations, field: x, check: casing, casing: camel, min: 1 }")).message).toBe(
      'unknown key "min" for check casing',
    );
  });

  it("needs a namespaced id that is not a built-in's", async () => {
    const dir = tempTree({
      "specwright.config.yaml":
        "rules:\n  rest/owner:\n    declarative: { given: operations, field: x-owner, check: present }\n",
    });
    const error = (await loadConfigFile(join(dir, "specwright.config.yaml")).catch((e: unknown) => e)) as ConfigError;
    expect([error.message, error.line]).toEqual([
      `rule id "rest/owner" (declarative rule at ${join(dir, "specwright.config.yaml")}:2) uses specwright's "rest/" namespace`,
      2,
    ]);
  });
});
