import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { diffDocuments, type DiffResult } from "../../generator/diff/index.js";

const specs = resolve(import.meta.dirname, "../../specs/petstore");

describe("petstore v1 -> v2 (v2 split across files)", () => {
  let result: DiffResult;
  const breaking = () => result.changes.filter((change) => change.classification === "breaking");

  it("loads and compares", async () => {
    result = diffDocuments(await loadSpec(`${specs}/v1/openapi.yaml`), await loadSpec(`${specs}/v2/openapi.yaml`));
    expect(result.summary.breaking).toBeGreaterThan(0);
  });

  it("finds the breaking changes v2 announces", () => {
    const found = breaking().map((change) => `${change.id} ${change.message}`);
    // PUT /pets/{pet_id} is gone.
    expect(found).toContainEqual(expect.stringMatching(/^operation-removed PUT \/pets\/\{pet_id\}/));
    // listPets needs store_id.
    expect(found).toContainEqual(
      expect.stringMatching(/^param-required-added GET \/pets: required query parameter `store_id`/),
    );
    // createPet needs store_id in the body.
    expect(found).toContainEqual(expect.stringMatching(/^request-property-became-required POST \/pets: .*`store_id`/));
    // date_of_birth renamed birth_date: gone from every response that returns a pet.
    expect(
      found.filter((line) => line.startsWith("response-property-removed") && line.includes("date_of_birth")),
    ).toHaveLength(3);
    // ...and from the sort keys listPets accepts.
    expect(found).toContainEqual(
      expect.stringMatching(
        /^param-constraint-tightened GET \/pets: query parameter `sort`.*no longer matches "date_of_birth"/,
      ),
    );
    expect(breaking()).toHaveLength(7);
  });

  it("accepts the additions as non-breaking", () => {
    const additions = result.changes
      .filter((change) => change.classification === "non-breaking")
      .map((change) => change.message);
    expect(additions).toContainEqual(expect.stringContaining("PATCH /pets/{pet_id}: operation added"));
    expect(additions).toContainEqual(
      expect.stringContaining("/pets/{pet_id}/vaccinations/{vaccination_id}: path added"),
    );
    expect(additions).toContainEqual(expect.stringContaining("optional query parameter `status` added"));
    expect(additions).toContainEqual(expect.stringContaining("`microchip_id` added"));
  });

  it("places changes in the file of v2 they are written in", () => {
    const removed = breaking().find((change) => change.id === "response-property-removed")!;
    expect(removed.old?.file).toBe(`${specs}/v1/openapi.yaml`);
    expect(removed.new?.file).toBe(`${specs}/v2/schemas/pet.yaml`);
    expect(removed.new?.pointer).toBe("/Pet/properties");
    const storeId = breaking().find((change) => change.id === "request-property-became-required")!;
    expect(storeId.new).toMatchObject({
      file: `${specs}/v2/schemas/pet.yaml`,
      pointer: "/PetInput/properties/store_id",
    });
  });

  it("passes the versioning rule because the major version went from /v1 to /v2", () => {
    expect(result.versioning).toMatchObject({
      verdict: "pass",
      majorBumped: true,
      old: { urlMajor: 1, infoMajor: 1 },
      new: { urlMajor: 2, infoMajor: 2 },
    });
  });
});
