// End to end, issue 11: a generated server must not be frozen by one request (spec patterns run in linear time,
// parameter values are bounded), must not answer a small request with a huge error list, must start with a base
// path holding route syntax (`/api*v1`), and expires page tokens. The server runs in a child process so that a
// frozen event loop shows as an unanswered /ping instead of hanging the test runner.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderServer } from "../../generator/emit/server/generate-server.js";
import { writeOutputDir } from "../../generator/emit/shared/output-dir.js";
import { buildModel } from "../../generator/model/build-model.js";
import { createPageTokenCodec, queryBinding } from "../../templates/runtime/server/page-token.js";
import { rawCall, TMP_DIR, typecheck } from "./e2e-harness.js";

const SPEC = "test/server/fixtures/hardening.spec.json";
const SECRET = "hardening-secret-hardening-secret-32";
/** Far above what a linear-time check needs; a backtracking `^(a+)+$` on 50 characters takes longer than the universe. */
const DEADLINE_MS = 15_000;

let outDir = "";
const warnings: string[] = [];
let child: ChildProcess | undefined;
let base = "";
let serverStderr = "";

beforeAll(async () => {
  const document = JSON.parse(await readFile(SPEC, "utf8")) as Record<string, unknown>;
  outDir = join(TMP_DIR, "hardening");
  const model = buildModel(document, { source: SPEC });
  const files = await renderServer(model, document, outDir, { warn: (message) => warnings.push(message) });
  await writeOutputDir(outDir, files);
  // Type-checked there, with the generated types (the fixture itself is not).
  const serve = await readFile("test/server/fixtures/hardening.serve.ts", "utf8");
  await writeFile(join(outDir, "serve.ts"), serve.replace(/^\/\/ @ts-nocheck[^\n]*\n/, ""));
  child = spawn(process.execPath, [resolve("bin/run-ts.js"), join(outDir, "serve.ts")], {
    env: { ...process.env, PAGE_TOKEN_SECRET: SECRET },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => (serverStderr += chunk.toString()));
  const port = await new Promise<string>((done, fail) => {
    let out = "";
    child?.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match?.[1] !== undefined) done(match[1]);
    });
    child?.once("exit", (code) => fail(new Error(`server exited with ${code}: ${serverStderr}`)));
  });
  base = `http://127.0.0.1:${port}`;
}, 120_000);

afterAll(() => {
  child?.kill();
  expect(serverStderr).not.toMatch(/server error/);
});

const call = (path: string, init: RequestInit = {}) =>
  rawCall(base + path, { ...init, signal: AbortSignal.timeout(DEADLINE_MS) });
const postThing = (body: unknown) =>
  call("/api*v1/things", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

/** `request` completes, and a /ping sent while it runs is answered: the event loop was not held. */
async function answeredWithPing<T>(request: () => Promise<T>): Promise<T> {
  const [result, ping] = await Promise.all([
    request(),
    new Promise((next) => setTimeout(next, 20)).then(() => call("/ping")),
  ]);
  expect(ping.body).toEqual({ pong: true });
  return result;
}

describe("generated server hardening", () => {
  it("type-checks in strict mode", async () => {
    expect(await typecheck("hardening", [outDir])).toBe("");
  }, 120_000);

  it("starts with a base path holding route syntax, and routes under it literally", async () => {
    expect((await call("/api*v1/things")).status).toBe(200);
    const unknown = await call("/api*v1/nothing");
    expect([unknown.status, unknown.body.code]).toEqual([404, "not_found"]);
    expect((await fetch(`${base}/apiXXv1/things`)).status).toBe(404); // `*` is not a wildcard
  });

  describe("spec patterns run in linear time", () => {
    for (const length of [50, 8000, 10_000]) {
      it(
        `a catastrophic query pattern with ${length} hostile characters`,
        async () => {
          const hostile = `${"a".repeat(length)}!`;
          const result = await answeredWithPing(() => call(`/api*v1/things?name=${hostile}`));
          // Up to the 8 KiB bound the pattern runs (and fails); beyond it the value is refused unread.
          if (length < 8192)
            expect([result.status, result.body.errors]).toEqual([
              400,
              [{ field: "query.name", code: "invalid_format", message: 'must match pattern "^(a+)+$"' }],
            ]);
          else expect([result.status, result.body.code]).toEqual([414, "uri_too_long"]);
        },
        DEADLINE_MS + 5_000,
      );
    }

    it("a 50,000-character query never reaches the server code (Node's 16 KiB header limit answers 431)", async () => {
      const response = await fetch(`${base}/api*v1/things?name=${"a".repeat(50_000)}!`, {
        signal: AbortSignal.timeout(DEADLINE_MS),
      });
      expect(response.status).toBe(431);
    });

    for (const length of [50, 50_000]) {
      it(
        `catastrophic body and patternProperties patterns with ${length} hostile characters`,
        async () => {
          const hostile = `${"a".repeat(length)}!`;
          const result = await answeredWithPing(() =>
            postThing({ name: hostile, labels: { [`${"x".repeat(length)}`]: 1 } }),
          );
          expect(result.status).toBe(400);
          expect(result.body.errors.map((error: { field: string }) => error.field)).toEqual(["name"]);
        },
        DEADLINE_MS + 5_000,
      );
    }

    it("keeps the meaning of the spec's patterns", async () => {
      expect((await call("/api*v1/things?name=aaaa")).status).toBe(200);
      expect((await postThing({ name: "aaa", code: "AB12", labels: { xxy: 1 } })).status).toBe(201);
      const wrong = await postThing({ code: "ab12", labels: { xxy: "one" } });
      expect(wrong.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(["code", "labels.xxy"]);
      expect((await call("/api*v1/things", { headers: { "X-Tag": "aaa" } })).status).toBe(200);
      expect((await call("/api*v1/things", { headers: { "X-Tag": "aab" } })).status).toBe(400);
    });

    it("runs a lookahead pattern RE2 cannot express only when it cannot backtrack catastrophically", async () => {
      expect((await call("/api*v1/things?slug=a-b")).status).toBe(200);
      expect((await call("/api*v1/things?slug=-ab")).status).toBe(400);
      // `^(?=(a+)+$)a` could freeze a backtracking engine: left out, so anything passes, and generation said so.
      expect((await answeredWithPing(() => call(`/api*v1/things?echo=${"a".repeat(50)}!`))).status).toBe(200);
      expect(warnings).toEqual([
        expect.stringMatching(
          /GET \/things query parameter "echo" schema\/pattern: pattern "\^\(\?=\(a\+\)\+\$\)a" is left out of validation: .*backtrack catastrophically/,
        ),
      ]);
    });
  });

  describe("error lists are capped", () => {
    it(
      "answers a 1 MB body of 250,000 wrong integers with 20 errors, a count and truncated",
      async () => {
        const body = JSON.stringify({ numbers: Array.from({ length: 250_000 }, () => 0.5) });
        const response = await answeredWithPing(async () => {
          const raw = await fetch(`${base}/api*v1/things`, {
            method: "POST",
            body,
            headers: { "content-type": "application/json" },
            signal: AbortSignal.timeout(DEADLINE_MS),
          });
          const text = await raw.text();
          return { status: raw.status, size: text.length, body: JSON.parse(text) };
        });
        expect(response.status).toBe(400);
        expect(response.body.errors).toHaveLength(20);
        expect(response.body.errors[19]).toEqual({
          field: "numbers[19]",
          code: "invalid_type",
          message: "must be integer",
        });
        expect(response.body).toMatchObject({ truncated: true, errorCount: 101 }); // validation stopped past its budget
        expect(response.size).toBeLessThan(5000);
      },
      DEADLINE_MS + 5_000,
    );

    it("lists every error, without a count, when there are few", async () => {
      const result = await postThing({ numbers: [1, 0.5, "x", 2, 0.25] });
      expect(result.body.errors.map((error: { field: string }) => error.field)).toEqual([
        "numbers[1]",
        "numbers[2]",
        "numbers[4]",
      ]);
      expect(result.body.errorCount).toBeUndefined();
      expect(result.body.truncated).toBeUndefined();
    });

    it("counts past the cap without stopping below the budget", async () => {
      const result = await postThing({ numbers: Array.from({ length: 30 }, () => "x") });
      expect([result.body.errors.length, result.body.errorCount, result.body.truncated]).toEqual([20, 30, true]);
    });
  });

  it("refuses over-long header values with 431 before reading them", async () => {
    const result = await answeredWithPing(() =>
      call("/api*v1/things", { headers: { "X-Tag": `${"a".repeat(9000)}!` } }),
    );
    expect([result.status, result.body.code]).toEqual([431, "header_too_large"]);
  });

  describe("page tokens expire", () => {
    const binding = queryBinding({}, ["page_token", "page_size"]);

    it("accepts a fresh token", async () => {
      const first = await call("/api*v1/things");
      expect((await call(`/api*v1/things?page_token=${first.body.next_page_token}`)).status).toBe(200);
    });

    it("refuses a token older than pageTokenMaxAgeSeconds with a 400 saying so", async () => {
      const old = createPageTokenCodec(SECRET, { now: () => Date.now() - 120_000 }).sign(2, binding);
      const result = await call(`/api*v1/things?page_token=${old}`);
      expect([result.status, result.body.code, result.body.errors[0].field]).toEqual([
        400,
        "expired_page_token",
        "query.page_token",
      ]);
      expect(result.body.detail).toMatch(/expired/);
    });

    it("refuses a token without an issue time once maxAge is set", async () => {
      const fresh = createPageTokenCodec(SECRET).sign(2, binding);
      const { q } = JSON.parse(Buffer.from(fresh.split(".")[0] ?? "", "base64url").toString()) as { q: string };
      const body = Buffer.from(JSON.stringify({ p: 2, q })).toString("base64url");
      const legacy = `${body}.${createHmac("sha256", SECRET).update(body).digest("base64url")}`;
      expect((await call(`/api*v1/things?page_token=${legacy}`)).body.code).toBe("expired_page_token");
    });
  });
});
