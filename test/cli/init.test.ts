// `specwright init` in a project it has never seen: a config that lists every root OpenAPI document (and only those),
// which the config loader accepts and `lint` uses, plus the CI workflow; an existing file is never overwritten.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfigFile } from "../../generator/config/index.js";
import { runCli } from "./run-cli.js";

const SPECS = resolve(import.meta.dirname, "../../specs");
let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), "specwright-init-"));
  cpSync(join(SPECS, "petstore"), join(project, "api/petstore"), { recursive: true });
  // A referenced fragment (no `openapi:` of its own) and a file under node_modules are not APIs.
  writeFileSync(join(project, "api/shared.yaml"), "components:\n  schemas:\n    Id: { type: string }\n");
  mkdirSync(join(project, "node_modules/dep"), { recursive: true });
  writeFileSync(
    join(project, "node_modules/dep/openapi.yaml"),
    "openapi: 3.1.0\ninfo: { title: dep, version: '1' }\npaths: {}\n",
  );
  writeFileSync(
    join(project, "orders.json"),
    JSON.stringify({ openapi: "3.0.3", info: { title: "Orders", version: "1.0.0" }, paths: {} }),
  );
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe("specwright init", () => {
  it("writes a config with one API per root document, which the loader accepts and lint applies", async () => {
    const result = runCli(["init"], { cwd: project });
    expect(result.stderr).toContain("3 APIs: petstore-v1, petstore-v2, orders");
    expect(result.code).toBe(0);
    const config = await loadConfigFile(join(project, "specwright.config.yaml"));
    expect(config.apis.map((api) => [api.name, api.spec, api.out])).toEqual([
      ["petstore-v1", join(project, "api/petstore/v1/openapi.yaml"), join(project, "gen/petstore-v1")],
      ["petstore-v2", join(project, "api/petstore/v2/openapi.yaml"), join(project, "gen/petstore-v2")],
      ["orders", join(project, "orders.json"), join(project, "gen/orders")],
    ]);
    expect(runCli(["lint", "api/petstore/v1/openapi.yaml"], { cwd: project }).code).toBe(0);
  });

  it("writes a workflow that installs specwright and runs the action shipped in the package on exactly those specs", () => {
    expect(runCli(["init"], { cwd: project }).code).toBe(0);
    const workflow = parse(readFileSync(join(project, ".github/workflows/specwright.yml"), "utf8")) as {
      on: Record<string, unknown>;
      jobs: { specwright: { steps: Array<Record<string, unknown>> } };
    };
    expect(Object.keys(workflow.on)).toEqual(["push", "pull_request"]);
    const steps = workflow.jobs.specwright.steps;
    expect(steps[0]).toEqual({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    expect(steps.find((step) => typeof step.run === "string")?.run).toMatch(
      /^npm install --no-save .*specwright@\d+\.\d+\.\d+$/,
    );
    expect(steps.at(-1)).toEqual({
      uses: "./node_modules/specwright",
      with: { specs: "api/petstore/v1/openapi.yaml api/petstore/v2/openapi.yaml orders.json" },
    });
  });

  it("installs from the project's lock file when the project depends on specwright", () => {
    writeFileSync(join(project, "package.json"), JSON.stringify({ devDependencies: { specwright: "^0.1.0" } }));
    expect(runCli(["init"], { cwd: project }).code).toBe(0);
    expect(readFileSync(join(project, ".github/workflows/specwright.yml"), "utf8")).toContain("- run: npm ci\n");
  });

  it("refuses to overwrite an existing config (exit 2, the fix named), and replaces it with --force", () => {
    writeFileSync(join(project, "specwright.config.yaml"), "extends: strict\n");
    const refused = runCli(["init", "--no-workflow"], { cwd: project });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("specwright.config.yaml already exists");
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(join(project, "specwright.config.yaml"), "utf8")).toBe("extends: strict\n");
    expect(runCli(["init", "--no-workflow", "--force"], { cwd: project }).code).toBe(0);
    expect(readFileSync(join(project, "specwright.config.yaml"), "utf8")).toContain("name: orders");
  });

  it("says what to do in a folder without specs", () => {
    const empty = mkdtempSync(join(tmpdir(), "specwright-init-empty-"));
    try {
      const result = runCli(["init"], { cwd: empty });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/no OpenAPI documents found.*\n  fix: /);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
