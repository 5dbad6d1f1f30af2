import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "oas/servers";

describe(RULE, () => {
  it("accepts https servers, relative URLs and plain http on loopback", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        servers:
          - url: https://api.example.com/v1
          - url: /v1
          - url: http://localhost:8080/v1
          - url: http://127.0.0.1/v1
          - url: "http://[::1]:3000"
        paths: {}
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports plain http at the URL, also on path items and operations", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        servers: [{ url: "http://api.example.com/v1" }]
        paths:
          /pets:
            servers: [{ url: "HTTP://localhost.example.com" }]
            get: { responses: { "200": { description: ok } } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 13],
      [6, 17],
    ]);
    expect(problems[0]!.message).toBe(
      "server http://api.example.com/v1 uses plain http; use https (http is accepted for localhost and 127.0.0.1 only)",
    );
  });

  it("reports a document without servers", async () => {
    const problems = await lintYaml(
      "openapi: 3.1.0\ninfo: { title: Pets, version: 1.0.0 }\nservers: []\npaths: {}\n",
      RULE,
    );
    expect(problems.map((p) => [p.line, p.message.startsWith("the document declares no servers")])).toEqual([
      [3, true],
    ]);
  });
});
