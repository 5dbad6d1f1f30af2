// AND-ed schemes that read the same header (azure containerregistry: http basic AND an apiKey named Authorization).
import type { Request } from "express";
import { describe, expect, it } from "vitest";
import { authenticate } from "../../templates/runtime/server/security.js";
import type { SchemeSpec } from "../../templates/runtime/server/security.js";

const schemes: Record<string, SchemeSpec> = {
  registry_auth: { kind: "basic", name: "registry_auth" },
  registry_oauth2: { kind: "api-key", name: "registry_oauth2", in: "header", paramName: "Authorization" },
};
const both = [
  [
    { scheme: "registry_auth", scopes: [] },
    { scheme: "registry_oauth2", scopes: [] },
  ],
];
const request = (authorization: string) => ({ headers: { authorization }, url: "/" }) as unknown as Request;
const seen: unknown[] = [];
const verifiers = {
  registry_auth: (c: unknown) => (seen.push(c), "user"),
  registry_oauth2: (c: unknown) => (seen.push(c), "key"),
};

describe("AND-ed schemes sharing the Authorization header", () => {
  it("one Basic header satisfies both: basic reads it parsed, the API key reads the whole value", async () => {
    const header = `Basic ${Buffer.from("u:p").toString("base64")}`;
    expect(await authenticate(request(header), both, schemes, verifiers)).toEqual({
      principal: "user",
      schemes: { registry_auth: "user", registry_oauth2: "key" },
    });
    expect(seen).toEqual([
      { kind: "basic", username: "u", password: "p" },
      { kind: "api-key", key: header },
    ]);
  });

  it("a bare key in the header cannot carry the Basic credential the requirement also needs: 401", async () => {
    await expect(authenticate(request("some-key"), both, schemes, verifiers)).rejects.toMatchObject({ status: 401 });
  });
});

describe("another HTTP scheme (RFC 9110 §11.6.2)", () => {
  const hmac: Record<string, SchemeSpec> = { hmac: { kind: "http", name: "hmac", scheme: "Payone-HMAC-SHA256" } };
  const requirement = [[{ scheme: "hmac", scopes: [] }]];
  it("hands the credentials of `Authorization: <scheme> …` (scheme matched case-insensitively) to its verifier", async () => {
    const got: unknown[] = [];
    const verify = { hmac: (c: unknown) => (got.push(c), "merchant") };
    expect((await authenticate(request("payone-hmac-sha256 c2ln"), requirement, hmac, verify))?.principal).toBe(
      "merchant",
    );
    expect(got).toEqual([{ kind: "http", scheme: "Payone-HMAC-SHA256", credentials: "c2ln" }]);
  });
  it("another scheme's header is no credential for it: 401 with its challenge", async () => {
    await expect(authenticate(request("Bearer t"), requirement, hmac, { hmac: () => "x" })).rejects.toMatchObject({
      status: 401,
      headers: { "WWW-Authenticate": "Payone-HMAC-SHA256" },
    });
  });
});
