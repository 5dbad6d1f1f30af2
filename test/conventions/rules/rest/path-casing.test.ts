import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "rest/path-casing";
const OK = `{ get: { responses: { "200": { description: ok } } } }`;

describe(RULE, () => {
  it("accepts kebab-case segments, any parameter names, extensions, .well-known, custom methods and a fragment in the path key", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /v1/vaccination-records/{recordId}: ${OK}
          /v1/pets/{pet_id}:batch-get: ${OK}
          /.well-known/openapi.json: ${OK}
          /v2/files/{name}.csv: ${OK}
          /#X-Amz-Target=Pets_2024.ListPets: ${OK}
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports camelCase, snake_case and upper-case segments once each, with the kebab-case spelling", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /petOwners: ${OK}
          /petOwners/{owner_id}: ${OK}
          /pets/{pet_id}/vaccination_records: ${OK}
          /Stores: ${OK}
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column])).toEqual([
      [RULE, "warn", 4, 3],
      [RULE, "warn", 6, 3],
      [RULE, "warn", 7, 3],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      `path segment "petOwners" in "/petOwners" is not lowercase kebab-case; use "pet-owners"`,
      `path segment "vaccination_records" in "/pets/{pet_id}/vaccination_records" is not lowercase kebab-case; use "vaccination-records"`,
      `path segment "Stores" in "/Stores" is not lowercase kebab-case; use "stores"`,
    ]);
  });
});
