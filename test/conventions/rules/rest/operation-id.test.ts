import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "rest/operation-id";

describe(RULE, () => {
  it("accepts unique identifiers", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get: { operationId: listPets, responses: { "200": { description: ok } } }
            post: { operationId: create_pet, responses: { "201": { description: ok } } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports a missing, an invalid and a repeated operationId, suggesting names", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /v1/pets/{pet_id}/vaccinations:
            get:
              responses: { "200": { description: ok } }
            post:
              operationId: pets/create-vaccination
              responses: { "201": { description: ok } }
          /v1/owners:
            get:
              operationId: listPets
              responses: { "200": { description: ok } }
            post:
              operationId: listPets
              responses: { "201": { description: ok } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column, p.message])).toEqual([
      [
        RULE,
        "warn",
        5,
        5,
        `GET /v1/pets/{pet_id}/vaccinations has no operationId; add one such as "getPetsVaccinations"`,
      ],
      [
        RULE,
        "warn",
        8,
        7,
        `operationId "pets/create-vaccination" is not a valid identifier; use letters, digits and _ only, e.g. "petsCreateVaccination"`,
      ],
      [RULE, "warn", 15, 7, `operationId "listPets" is also used by GET /v1/owners; operationIds must be unique`],
    ]);
  });
});
