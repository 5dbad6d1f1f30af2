// Regression specs of issue 12 served by their generated mock (response validation on) and driven by their
// generated client: each list ends and yields its finite dataset exactly once, paged the way its scheme says,
// with no header the spec does not declare; every failure answers in the spec's own error schema (checked with
// ajv against that schema) and declared media type.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rm, writeFile } from "node:fs/promises";
import { TMP_DIR, generateApi, loadDocument, rawCall, serveGeneratedMock, typecheck } from "./e2e-harness.js";

const SPECS = "test/server/fixtures/specs";

interface MockApi {
  outDir: string;
  url: string;
  generated: any;
  /** Every request the mock got, as method + URL. */
  requests: string[];
  serverErrors: Record<string, unknown>[];
  /** Validates a payload against one of the spec's `components.schemas`. */
  conforms(schemaName: string, body: unknown): string | true;
  close(): Promise<void>;
}

async function serveMock(spec: string, name: string, override: Record<string, unknown> = {}): Promise<MockApi> {
  const document = await loadDocument(`${SPECS}/${spec}`);
  await rm(join(TMP_DIR, name), { recursive: true, force: true }); // a handlers.ts scaffolded from an older fixture is kept otherwise
  const outDir = await generateApi(`${SPECS}/${spec}`, name);
  const security = Object.fromEntries(
    Object.keys((document.components as any)?.securitySchemes ?? {}).map((scheme) => [
      scheme,
      () => ({ user: "demo" }),
    ]),
  );
  const { requests, serverErrors, ...server } = await serveGeneratedMock(outDir, { security }, override);
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(document, "spec");
  return {
    outDir,
    url: server.url,
    generated: await import(pathToFileURL(join(outDir, "client.ts")).href),
    requests,
    serverErrors,
    conforms: (schemaName, body) => {
      const validate = ajv.getSchema(`spec#/components/schemas/${schemaName}`);
      if (validate === undefined) return `no schema ${schemaName}`;
      return validate(body) ? true : JSON.stringify({ body, errors: validate.errors });
    },
    close: server.close,
  };
}

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("Asana-like: string offset token in next_page.offset, errors as { errors: [{ message }] }", () => {
  let api: MockApi;
  let client: any;
  beforeAll(async () => {
    api = await serveMock("asana-like.yaml", "mock-asana", {
      getProject: () => Promise.reject(new Error("handler crashed")),
    });
    client = api.generated.createClient({ baseUrl: `${api.url}/api/1.0`, auth: { bearer: "token" }, retry: false });
  });
  afterAll(async () => api?.close());

  it("pages with the mock's own tokens, clears next_page.offset on the last page, yields the dataset once", async () => {
    api.requests.length = 0;
    const projects = await collect(client.projects.list({ workspace: "w1", limit: 2 }));
    expect(projects.map((project: any) => project.gid)).toEqual(["1201", "1202", "1201", "1202", "1201", "1202"]);
    expect(api.requests).toHaveLength(3);
    expect(api.requests[1]).toMatch(/[?&]offset=(?!eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9)[^&]+/);
    const last = await rawCall(`${api.url}${api.requests[2]!.slice("GET ".length)}`, {
      headers: { authorization: "Bearer t" },
    });
    expect(last.body.next_page).toMatchObject({ offset: "" });
    expect(Object.keys(last.body)).not.toContain("next_page.offset");
  });

  it("answers failures in its error schema, as application/json: validation, 401, 404, 405, 415, 413, page token, 500", async () => {
    const auth = { authorization: "Bearer t" };
    const failures = [
      [400, await rawCall(`${api.url}/api/1.0/projects?limit=0`, { headers: auth })],
      [401, await rawCall(`${api.url}/api/1.0/projects?workspace=w`)],
      [404, await rawCall(`${api.url}/api/1.0/nowhere`, { headers: auth })],
      [405, await rawCall(`${api.url}/api/1.0/projects`, { method: "DELETE", headers: auth })],
      [
        415,
        await rawCall(`${api.url}/api/1.0/projects`, {
          method: "POST",
          headers: { ...auth, "content-type": "text/plain" },
          body: "name",
        }),
      ],
      [
        400,
        await rawCall(`${api.url}/api/1.0/projects`, {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: "{}",
        }),
      ],
      [
        413,
        await rawCall(`${api.url}/api/1.0/projects`, {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }),
        }),
      ],
      [400, await rawCall(`${api.url}/api/1.0/projects?workspace=w&offset=forged`, { headers: auth })],
      [500, await rawCall(`${api.url}/api/1.0/projects/1`, { headers: auth })],
    ] as const;
    for (const [status, response] of failures) {
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(api.conforms("ErrorResponse", response.body)).toBe(true);
      expect(response.body.errors[0].message).toEqual(expect.any(String));
    }
    expect(failures[0][1].body.errors.map((error: any) => error.message)).toEqual([
      expect.stringMatching(/^query\.workspace: /),
      expect.stringMatching(/^query\.limit: /),
    ]);
    expect(api.serverErrors).toHaveLength(1); // the crash, logged; its payload says no more than a request id
    api.serverErrors.length = 0;
  });

  it("answers a valid create with 201 and no Location, which the spec does not declare", async () => {
    const created = await rawCall(`${api.url}/api/1.0/projects`, {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body: '{"name":"Gamma"}',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBeNull();
  });

  it("e.problem.errors[0].message is the server's message", async () => {
    const error = await Promise.resolve(client.projects.list({ workspace: "w1", limit: 500 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.generated.BadRequestError);
    expect(error.problem.errors[0].message).toMatch(/^query\.limit: /);
  });
});

describe("Slack-like: cursor in response_metadata.next_cursor, errors as { ok: false, error }", () => {
  let api: MockApi;
  let client: any;
  beforeAll(async () => {
    api = await serveMock("slack-like.yaml", "mock-slack");
    client = api.generated.createClient({ baseUrl: `${api.url}/api`, retry: false });
  });
  afterAll(async () => {
    await api?.close();
    expect(api.serverErrors).toEqual([]);
  });

  it("sets the nested next_cursor on each page and clears it on the last; the example's token never leaks", async () => {
    api.requests.length = 0;
    const channels = await collect(client.conversations.list({ limit: 4 }));
    expect(channels).toHaveLength(9);
    expect(api.requests).toHaveLength(3);
    expect(api.requests.join(" ")).not.toContain("dGVhbTpDMDYxRkE1UEI");
    const last = await rawCall(`${api.url}${api.requests[2]!.slice("GET ".length)}`);
    expect(last.body.response_metadata).toEqual({ next_cursor: "" });
    expect(last.body).not.toHaveProperty(["response_metadata.next_cursor"]);
  });

  it("answers invalid input with { ok: false, error } and the field errors in response_metadata.messages", async () => {
    const response = await rawCall(`${api.url}/api/conversations.list?limit=abc`);
    expect(response.status).toBe(400);
    expect(api.conforms("ErrorEnvelope", response.body)).toBe(true);
    expect(response.body).toEqual({
      ok: false,
      error: "validation_failed",
      response_metadata: { messages: [expect.stringMatching(/^query\.limit: /)] },
    });
    const unknown = await rawCall(`${api.url}/api/chat.postMessage`);
    expect([unknown.status, api.conforms("ErrorEnvelope", unknown.body)]).toEqual([404, true]);
  });
});

describe("the four paging kinds, errors as { error: { code, message } } in a vendor media type", () => {
  let api: MockApi;
  let client: any;
  beforeAll(async () => {
    api = await serveMock("paging-kinds.yaml", "mock-paging-kinds");
    client = api.generated.createClient({ baseUrl: `${api.url}/v1`, retry: false });
  });
  afterAll(async () => {
    await api?.close();
    expect(api.serverErrors).toEqual([]);
  });

  it("offset without a Link header: no Link, total set, ends when total is reached (no empty page asked)", async () => {
    api.requests.length = 0;
    const items = await collect(client.items.list({ limit: 2 }));
    expect(items.map((item: any) => item.id)).toEqual([1, 2, 1001, 1002, 2001, 2002]);
    expect(api.requests).toHaveLength(3);
    const page = await rawCall(`${api.url}/v1/items?limit=2`);
    expect(page.headers.get("link")).toBeNull();
    expect(page.body.total).toBe(6);
  });

  it("Jira startAt/maxResults: isLast false until the last page", async () => {
    api.requests.length = 0;
    const issues = await collect(client.issues.search({ maxResults: 1 }));
    expect(issues.map((issue: any) => issue.id)).toEqual([10, 1010, 2010]);
    expect(api.requests).toHaveLength(3);
    expect((await rawCall(`${api.url}/v1/issues?maxResults=1`)).body.isLast).toBe(false);
  });

  it("Stripe starting_after/has_more: continues after each page's last id, has_more false at the end", async () => {
    api.requests.length = 0;
    const charges = await collect(client.charges.list({ limit: 2 }));
    expect(charges.map((charge: any) => charge.id)).toEqual([
      "ch_3MmlLrLkdIwHu7ix0snN0B15",
      "ch_3MmlLrLkdIwHu7ix0snN0B152",
      "ch_3MmlLrLkdIwHu7ix0snN0B153",
    ]);
    expect(api.requests).toHaveLength(2);
  });

  it("GitHub page/per_page + Link: rel=next until the last page", async () => {
    api.requests.length = 0;
    const repos = await collect(client.repos.list({ per_page: 2 }));
    expect(repos).toHaveLength(6);
    expect(api.requests).toHaveLength(3);
    expect((await rawCall(`${api.url}/v1/repos?per_page=2&page=3`)).headers.get("link")).toBeNull();
  });

  it("answers a sample of the schema where the spec's own example breaks it (no 500 under response validation)", async () => {
    const health = await rawCall(`${api.url}/v1/health`);
    expect([health.status, health.body]).toEqual([200, { status: "ok" }]);
  });

  it("answers failures as the declared application/vnd.api.error+json, in the spec's schema", async () => {
    for (const url of ["/v1/items?limit=500", "/v1/charges?limit=x", "/v1/missing"]) {
      const response = await rawCall(`${api.url}${url}`);
      expect(response.headers.get("content-type")).toBe("application/vnd.api.error+json");
      expect(api.conforms("Failure", response.body)).toBe(true);
      expect(response.body.error.code).toBe(response.status);
    }
  });
});

describe("the generated code of the three specs", () => {
  it("type-checks in strict mode, mock paging included; the client's Problem is each spec's error schema", async () => {
    const dirs = ["mock-asana", "mock-slack", "mock-paging-kinds"].map((name) => join(TMP_DIR, name));
    const checks = [
      "problem.errors?.[0]?.message", // Asana: { errors: [{ message }] }
      "problem.ok === false ? problem.error : undefined", // Slack: { ok: false, error }
      "String(problem.error.code) + problem.error.message", // { error: { code, message } }
    ];
    await Promise.all(
      dirs.map((dir, index) =>
        writeFile(
          join(dir, "problem-check.ts"),
          `import type { Problem } from "./client.js";\nexport const read = (problem: Problem): string | undefined => ${checks[index]};\n`,
        ),
      ),
    );
    expect(await typecheck("mock-conformance", dirs)).toBe("");
  });
});

describe("errors documented per status and media type (GitHub's 422 ValidationError beside BasicError, text/plain, problem+xml)", () => {
  let api: MockApi;
  beforeAll(async () => {
    api = await serveMock("per-status-errors.yaml", "mock-per-status-errors");
  });
  afterAll(async () => api?.close());

  it("a 422 answers in the operation's own schema, a 400 elsewhere in the API-wide one", async () => {
    const invalid = await rawCall(`${api.url}/things`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(invalid.status).toBe(422);
    expect(api.conforms("ValidationError", invalid.body)).toBe(true);
    expect(invalid.body.errors[0].field).toBe("name");
    const bad = await rawCall(`${api.url}/things/zz`);
    expect(bad.status).toBe(400);
    expect(api.conforms("BasicError", bad.body)).toBe(true);
  });

  it("a text/plain 400 is the message as text; a problem+xml 4XX is RFC 9457's XML document", async () => {
    const bad = await fetch(`${api.url}/notes/zz`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("text/plain");
    expect(await bad.text()).toContain("path.id");
    const unsupported = await fetch(`${api.url}/notes`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "note",
    });
    expect(unsupported.status).toBe(415);
    expect(unsupported.headers.get("content-type")).toBe("application/problem+xml");
    expect(await unsupported.text()).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><problem xmlns="urn:ietf:rfc:7807"><type>about:blank<\/type><title>[^<]+<\/title><status>415<\/status><detail>/,
    );
  });
});
