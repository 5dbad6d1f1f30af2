import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, STACK_FRAME } from "./run-cli.js";

// A legacy API that breaks the conventions (no operationId, no summary, camelCase properties) ...
const LEGACY = `openapi: 3.1.0
info: { title: Shop, version: 1.0.0 }
servers: [{ url: https://api.example.com/v1 }]
security: []
paths:
  /v1/orders/{order_id}:
    get:
      parameters: [{ name: order_id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Order" } } } }
components:
  schemas:
    Order: { type: object, properties: { orderId: { type: string } } }
`;
// ... and the next commit: a new operation and a new schema with the same faults; the legacy ones untouched.
const NEXT = LEGACY.replace(
  "components:",
  `  /v1/refunds/{refund_id}:
    get:
      parameters: [{ name: refund_id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Refund" } } } }
components:`,
).replace("    Order:", "    Refund: { type: object, properties: { refundId: { type: string } } }\n    Order:");

function git(cwd: string, ...args: string[]): void {
  execFileSync(
    "git",
    ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args],
    { cwd, stdio: "ignore" },
  );
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), "specwright-lint-since-"));
  dirs.push(dir);
  git(dir, "init", "-q", "-b", "main");
  writeFileSync(join(dir, "openapi.yaml"), LEGACY);
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "legacy");
  writeFileSync(join(dir, "openapi.yaml"), NEXT);
  git(dir, "commit", "-q", "-a", "-m", "refunds");
  return dir;
}

type Problem = { ruleId: string; line: number; message: string };
const lint = (dir: string, ...args: string[]) => {
  const result = runCli(["lint", "openapi.yaml", "-f", "json", ...args], { cwd: dir });
  return { ...result, problems: result.code === 2 ? [] : (JSON.parse(result.stdout) as Problem[]) };
};

describe("specwright lint --since git:REF", { timeout: 60_000 }, () => {
  const dir = repository();

  it("reports only the problems of operations and schemas added since REF", () => {
    const all = lint(dir);
    expect(all.problems.some((p) => p.line < 11)).toBe(true); // the legacy operation has problems of its own
    const { problems } = lint(dir, "--since", "git:HEAD~1");
    // Lines 11-15 are the refunds operation, 18 the Refund schema: nothing of the legacy parts (lines 6-10, 19).
    expect(problems.every((p) => (p.line >= 11 && p.line <= 15) || p.line === 18)).toBe(true);
    expect(problems.map((p) => p.ruleId)).toEqual(
      expect.arrayContaining(["oas/operation-summary", "rest/operation-id", "rest/property-casing"]),
    );
    expect(problems.filter((p) => p.ruleId === "rest/property-casing").map((p) => p.message)).toEqual([
      expect.stringContaining("refundId"),
    ]);
  });

  it("reports nothing when nothing changed, and a changed legacy operation again", () => {
    expect(lint(dir, "--since", "git:HEAD")).toMatchObject({ code: 0, problems: [] });
    writeFileSync(
      join(dir, "openapi.yaml"),
      NEXT.replace(
        'description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Order"',
        'description: the order, content: { application/json: { schema: { $ref: "#/components/schemas/Order"',
      ),
    );
    try {
      const { problems } = lint(dir, "--since", "git:HEAD");
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.line >= 6 && p.line <= 10)).toBe(true);
    } finally {
      git(dir, "checkout", "-q", "--", "openapi.yaml");
    }
  });

  it("takes the base from a file with --base FILE", () => {
    const base = join(dir, "..", `${dir.split("/").pop()}-base.yaml`);
    dirs.push(base);
    writeFileSync(base, LEGACY);
    expect(lint(dir, "--base", base).problems).toEqual(lint(dir, "--since", "git:HEAD~1").problems);
  });

  it("lints a spec that is new since REF whole", () => {
    writeFileSync(join(dir, "new.yaml"), LEGACY);
    const result = runCli(["lint", "new.yaml", "-f", "json", "--since", "git:HEAD"], { cwd: dir });
    expect((JSON.parse(result.stdout) as Problem[]).length).toBe(
      (JSON.parse(runCli(["lint", "new.yaml", "-f", "json"], { cwd: dir }).stdout) as Problem[]).length,
    );
  });

  it("refuses a --since that is not git:REF and an unknown ref with exit 2, no stack trace", () => {
    const notGit = lint(dir, "--since", "HEAD");
    expect(notGit.code).toBe(2);
    expect(notGit.stderr).toContain("--since takes git:REF");
    const unknown = lint(dir, "--since", "git:no-such-branch");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown git ref "no-such-branch"');
    expect(unknown.stderr).not.toMatch(STACK_FRAME);
  });
});
