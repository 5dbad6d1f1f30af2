import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "rest/plural-collections";
const OK = `{ get: { responses: { "200": { description: ok } } } }`;

describe(RULE, () => {
  it("accepts plural and uncountable collections, versions, singletons below an id, and custom methods", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /v1/pets: ${OK}
          /v1/pets/{pet_id}: ${OK}
          /v1/pets/{pet_id}/profile: ${OK}
          /v1/vaccination-records/{record_id}: ${OK}
          /v1/media/{media_id}: ${OK}
          /v1/people/{person_id}: ${OK}
          /v1/codes-of-conduct/{key}: ${OK}
          /v1/pets:search/{page}: ${OK}
          /v1/interactions{format}/{interaction_id}: ${OK}
          /v1/skus/{sku}: ${OK}
          /v1/instances/{id}/cpus/{cpu}: ${OK}
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports a singular collection once, at the first path that uses it, suggesting the plural", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pet: ${OK}
          /pet/{pet_id}: ${OK}
          /pet/{pet_id}/vaccinations: ${OK}
          /owners/{owner_id}/person/{person_id}: ${OK}
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column])).toEqual([
      [RULE, "warn", 4, 3],
      [RULE, "warn", 7, 3],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      `collection segment "pet" in "/pet" is singular; name collections in the plural ("pets"), or list it in the singletons option`,
      `collection segment "person" in "/owners/{owner_id}/person" is singular; name collections in the plural ("people"), or list it in the singletons option`,
    ]);
  });

  it("treats the last segment of a path whose GET lists items as a collection", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /history:
            get:
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: object } } } } }
          /status:
            get:
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object } } } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        4,
        `collection segment "history" in "/history" is singular; name collections in the plural ("histories"), or list it in the singletons option`,
      ],
    ]);
  });

  it("lets the singletons option allow a name", async () => {
    const document = yaml`
      openapi: 3.1.0
      info: { title: Settings, version: 1.0.0 }
      paths:
        /config/{key}: ${OK}
    `;
    expect(await lintYaml(document, RULE)).toHaveLength(1);
    expect(await lintYaml(document, RULE, { options: { singletons: ["config"] } })).toEqual([]);
  });
});
