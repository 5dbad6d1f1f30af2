// Samples for spec patterns that RE2 cannot run (issue 12, "conforms: body does not match a pattern"): randexp
// does not generate lookarounds, so every try is re-checked as JavaScript reads the pattern (RegExp for lookarounds
// redos-detector found safe, else under a time limit) and refused when it breaks one; repeats above RE2's 1000 run
// in linear time.
import { describe, expect, it } from "vitest";
import { stringForPattern } from "../../generator/model/pattern-sample.js";
import { mockAnswers } from "../../generator/emit/server/mock-samples.js";
import { buildModel } from "../../generator/model/build-model.js";

const PATTERNS = [
  // azure containerservice adminPassword: three lookaheads the first, all-minimum try breaks.
  String.raw`^(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#$%\^&\*\(\)])[a-zA-Z\d!@#$%\^&\*\(\)]{12,123}$`,
  // amazonaws managedblockchain member names.
  String.raw`^(?!-|[0-9])(?!.*-$)(?!.*?--)[a-zA-Z0-9-]+$`,
  // linode labels.
  String.raw`^[a-zA-Z]((?!--|__|..)[a-zA-Z0-9-_.])+$`,
  // amazonaws acm DomainName: a lookahead in a repeated group, which redos-detector does not clear (checked under a time limit).
  String.raw`^(\*\.)?(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])$`,
  // amazonaws chime ARNs: `.{0,1023}` is past RE2's repeat limit.
  String.raw`arn:[a-z0-9-\.]{1,63}:[a-z0-9-\.]{0,63}:[a-z0-9-\.]{0,63}:[a-z0-9-\.]{0,63}:[^/].{0,1023}`,
];

describe("stringForPattern", () => {
  it.each(PATTERNS)("%s: the sample matches the pattern as JavaScript reads it", (pattern) => {
    const value = stringForPattern(pattern);
    expect(value).toBeDefined();
    expect(new RegExp(pattern, "u").test(value ?? "")).toBe(true);
  });
});

describe("the mock's sample for a property with such a pattern", () => {
  it("matches the pattern (the spec's example does not)", () => {
    const document = {
      openapi: "3.0.3",
      info: { title: "arns", version: "1" },
      paths: {
        "/users": {
          post: {
            operationId: "createUser",
            responses: {
              "201": {
                description: "created",
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      required: ["Arn", "Domain"],
                      properties: {
                        Arn: { type: "string", pattern: PATTERNS[4] },
                        Domain: { type: "string", pattern: PATTERNS[3] },
                        Password: { type: "string", pattern: PATTERNS[0] },
                      },
                    },
                    example: { Arn: "string", Domain: "-bad.example", Password: "string" },
                  },
                },
              },
            },
          },
        },
      },
    };
    const body = mockAnswers(buildModel(document, { source: "arns.json" }), () => undefined).get("createUser")
      ?.body as Record<string, string>;
    expect(new RegExp(PATTERNS[4]!, "u").test(body.Arn ?? "")).toBe(true);
    expect(new RegExp(PATTERNS[3]!, "u").test(body.Domain ?? "")).toBe(true);
    if (body.Password !== undefined) expect(new RegExp(PATTERNS[0]!, "u").test(body.Password)).toBe(true);
  });
});
