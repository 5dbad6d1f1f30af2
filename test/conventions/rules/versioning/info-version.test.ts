import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "versioning/info-version";

describe(RULE, () => {
  it("accepts a semantic version whose major is the /v{N} of the URLs", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.4.0-beta.1+build.7 }
        servers:
          - url: https://api.example.com/v1
        paths: {}
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("warns when the major of info.version is not the URL's N", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info:
          title: Pets
          version: 2.1.0
        servers:
          - url: https://api.example.com/v1
        paths: {}
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column])).toEqual([[RULE, "warn", 4, 3]]);
    expect(problems[0]!.message).toContain("has major 2, but the API is v1");
  });

  it("warns when info.version is not semver, and says to quote a YAML number", async () => {
    const text = (version: string) => yaml`
      openapi: 3.1.0
      info:
        title: Pets
        version: ${version}
      paths: {}
    `;
    const dated = await lintYaml(text("2024-01-15"), RULE);
    expect(dated.map((p) => [p.line, p.column])).toEqual([[4, 3]]);
    const number = await lintYaml(text("1.0"), RULE);
    expect(number[0]!.message).toContain("quote it");
  });
});
