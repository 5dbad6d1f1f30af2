// The compiled OpenAPI schema validators are cached as ajv standalone code; a damaged cache must not change a verdict.
import { readdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

const CACHE = resolve(import.meta.dirname, "../../node_modules/.cache/specwright/validators");
const INVALID = `openapi: 3.0.3
info: {title: x, version: 1.0.0}
paths:
  /v1/a:
    get:
      responses: {200: {description: ok}}
      parameters: [{name: q, in: nowhere, schema: {type: string}}]
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specwright-validator-cache-"));
  await writeFile(join(dir, "api.yaml"), INVALID);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// Each run changes the document (a comment at its end), so that the verdict of the check is not the one stored for the
// same document (structure-cache.ts) and the validator itself runs.
let runs = 0;
const schemaProblems = () => {
  writeFileSync(join(dir, "api.yaml"), `${INVALID}# run ${++runs}\n`);
  const result = runCli(["lint", "api.yaml", "--format", "json", "--preset", "minimal"], { cwd: dir });
  expect(result.code).toBe(1);
  return (JSON.parse(result.stdout) as { ruleId: string; line: number; message: string }[]).filter(
    (problem) => problem.ruleId === "oas/schema",
  );
};

describe("cached OpenAPI schema validators", () => {
  it("report the same structural problem from a fresh compilation, the cache, and a damaged cache", () => {
    const first = schemaProblems();
    expect(first.map((problem) => problem.line)).toContain(7);
    const cached = readdirSync(CACHE).filter((name) => name.startsWith("openapi-v3-") && name.endsWith(".cjs"));
    expect(cached.length).toBeGreaterThan(0);
    expect(schemaProblems()).toEqual(first);
    for (const name of cached) writeFileSync(join(CACHE, name), "this is not JavaScript (");
    expect(schemaProblems()).toEqual(first);
  });
});
