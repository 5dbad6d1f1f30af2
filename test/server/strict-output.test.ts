// Issue 13: the generated client and server (runtime, server.ts, mock.ts, the handlers.ts scaffold) compile under the
// strictest flags a project may set, so that dropping them into such a project needs no tsconfig exception.
import { describe, expect, it } from "vitest";
import { generateApi, STRICT_FLAGS, typecheck } from "./e2e-harness.js";

/** Spec, output folder, and a handler file type-checked beside the output (as impl.ts). */
const SPECS: [string, string, string?][] = [
  ["specs/petstore/v1/openapi.yaml", "strict-petstore", "test/server/fixtures/request-types.impl.ts"],
  ["test/server/fixtures/docs.spec.json", "strict-docs"],
  ["test/server/fixtures/hardening.spec.json", "strict-hardening"],
  ["test/server/fixtures/specs/asana-like.yaml", "strict-asana"],
];

describe("generated code under strict compiler flags", () => {
  // Petstore's output is checked with handlers written against the named request types (ListPetsRequest...).
  it("type-checks client and server with exactOptionalPropertyTypes, noUnused*, noPropertyAccessFromIndexSignature, erasableSyntaxOnly", async () => {
    const dirs = await Promise.all(
      SPECS.map(([spec, name, fixture]) => generateApi(spec, name, fixture === undefined ? {} : { fixture })),
    );
    expect(await typecheck("strict", dirs, STRICT_FLAGS)).toBe("");
  }, 240_000);
});
