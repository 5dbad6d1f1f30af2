import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../generator/diff/index.js";
import { applyPolicy, EMPTY_POLICY, type DiffPolicy } from "../../generator/diff/policy/index.js";
import { loadConfigFile, ConfigError } from "../../generator/config/index.js";
import { api, loadPair, type Json } from "./fixtures.js";

const ok = { "200": { description: "ok" } };
const pet = (required: string[]): Json => ({
  "200": {
    description: "ok",
    content: {
      "application/json": {
        schema: { type: "object", required, properties: { id: { type: "string" }, name: { type: "string" } } },
      },
    },
  },
});

const before = api({
  "/pets": { get: { operationId: "listPets", responses: pet(["id", "name"]) } },
  "/owners": { get: { operationId: "listOwners", responses: ok } },
  "/beta/things": { get: { "x-stability": "beta", responses: ok } },
  "/labs/experiments/{id}": {
    get: { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: ok },
  },
  "/stable": { get: { responses: ok } },
});
const after = api({ "/pets": { get: { operationId: "listPets", responses: pet(["id"]) } } });

/** A config file with the given `diff:` section (YAML), loaded as the CLI loads it: entries carry their line. */
async function policyFrom(yaml: string): Promise<{ policy: DiffPolicy; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), "specwright-policy-"));
  const file = join(dir, "specwright.config.yaml");
  writeFileSync(file, `diff:\n${yaml}`);
  return { policy: (await loadConfigFile(file)).diff, file };
}

async function judged(policy: DiffPolicy, today?: string) {
  const [oldDoc, newDoc] = await loadPair(before, after);
  return applyPolicy(diffDocuments(oldDoc, newDoc), oldDoc, newDoc, policy, { today }).result;
}

const ACCEPT_PETS = `    - check: response-property-became-optional
      operation: GET /pets
      reason: name is filled in lazily; announced in the 1.4 changelog
      expires: 2999-12-31
`;

describe("diff policy: accept-list", () => {
  it("without a policy, the breaking changes fail the gate (the baseline for the cases below)", async () => {
    const result = await judged(EMPTY_POLICY);
    expect(result.versioning.verdict).toBe("fail");
    expect(
      result.changes
        .filter((change) => change.classification === "breaking")
        .map((change) => change.id)
        .sort(),
    ).toEqual(["path-removed", "path-removed", "path-removed", "response-property-became-optional"]);
  });

  it("marks the changes an entry covers as accepted (reason, expiry, the entry's line) and keeps them out of the gate", async () => {
    const { policy, file } = await policyFrom(`  accept:
${ACCEPT_PETS}    - check: path-removed
      operation: listOwners
      reason: owners moved to the accounts API
      expires: 2999-12-31
    - check: path-removed
      pointer: /paths/~1stable
      reason: never used
      expires: 2999-12-31
`);
    const result = await judged(policy);
    const optional = result.changes.find((change) => change.id === "response-property-became-optional")!;
    expect(optional.classification).toBe("breaking");
    expect(optional.accepted).toEqual({
      reason: "name is filled in lazily; announced in the 1.4 changelog",
      expires: "2999-12-31",
      entry: { file, line: 3, column: 7 },
    });
    expect(result.changes.find((change) => change.message.startsWith("/owners"))!.accepted?.reason).toBe(
      "owners moved to the accounts API",
    );
    // /stable has one operation, so the change carries it: an entry without `operation` is for changes outside any.
    expect(result.changes.find((change) => change.message.startsWith("/stable"))!.accepted).toBeUndefined();
    expect(result.unmatchedAccepts).toEqual([
      { check: "path-removed", pointer: "/paths/~1stable", entry: { file, line: 11, column: 7 } },
    ]);
    expect(result.summary.accepted).toBe(2);
  });

  it("passes the gate when every remaining breaking change is accepted or exempt", async () => {
    const { policy } = await policyFrom(`  accept:
${ACCEPT_PETS}    - { check: path-removed, operation: GET /owners, reason: moved, expires: 2999-12-31 }
    - { check: path-removed, operation: GET /stable, reason: unused, expires: 2999-12-31 }
  stability:
    "GET /labs/**": alpha
`);
    const result = await judged(policy);
    expect(result.versioning.verdict).toBe("pass");
    expect(result.versioning.message).toMatch(
      /^no breaking change outside the accept-list .*; 3 accepted breaking changes \(accept-list\); 2 breaking changes of alpha\/beta operations reported as info$/,
    );
  });

  it("matches an operation by method and path as the diff pairs paths (parameter names do not count)", async () => {
    const { policy } = await policyFrom(`  accept:
    - { check: path-removed, operation: "get /labs/experiments/{experiment_id}", reason: lab closed, expires: 2999-12-31 }
`);
    const change = (await judged(policy)).changes.find((candidate) => candidate.message.startsWith("/labs"))!;
    expect(change.accepted?.reason).toBe("lab closed");
  });

  it("narrows an entry to one place with `pointer` (the change's old or new pointer)", async () => {
    const { policy } = await policyFrom(`  accept:
    - { check: response-property-became-optional, operation: listPets, pointer: /paths/~1pets/get/responses/200/content/application~1json/schema/properties/name, reason: lazily filled, expires: 2999-12-31 }
    - { check: response-property-became-optional, operation: listPets, pointer: /components/schemas/Other, reason: elsewhere, expires: 2999-12-31 }
`);
    const result = await judged(policy);
    const optional = result.changes.find((change) => change.id === "response-property-became-optional")!;
    expect([optional.old?.pointer, optional.new?.pointer]).toContain(
      "/paths/~1pets/get/responses/200/content/application~1json/schema/properties/name",
    );
    expect(optional.accepted?.reason).toBe("lazily filled");
    expect(result.unmatchedAccepts?.map((entry) => entry.pointer)).toEqual(["/components/schemas/Other"]);
  });

  it("refuses an expired entry with its file and line; an entry holds through its `expires` day", async () => {
    const { policy, file } = await policyFrom(`  accept:
    - check: response-property-became-optional
      operation: GET /pets
      reason: temporary
      expires: 2026-06-30
`);
    expect((await judged(policy, "2026-06-30")).changes.some((change) => change.accepted)).toBe(true);
    const error = await judged(policy, "2026-07-01").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ file, line: 3, column: 7 });
    expect((error as Error).message).toBe(
      "accept entry for response-property-became-optional (GET /pets) expired on 2026-06-30",
    );
  });
});

describe("diff policy: severity and stability", () => {
  it("diff.severity gives a check another classification and says so", async () => {
    const { policy, file } = await policyFrom(`  severity:
    response-property-became-optional: warning
    info-version-changed: breaking
`);
    const result = await judged(policy);
    const optional = result.changes.find((change) => change.id === "response-property-became-optional")!;
    expect(optional).toMatchObject({
      classification: "warning",
      reclassified: {
        from: "breaking",
        reason: "diff.severity makes response-property-became-optional warning",
        entry: { file, line: 3, column: 5 },
      },
    });
    expect(result.summary.warning).toBe(1);
  });

  it("an operation that was x-stability: beta, or alpha by a diff.stability glob, has its breaking changes reported as info, with why", async () => {
    const { policy, file } = await policyFrom(`  stability:
    "GET /labs/**": alpha
`);
    const result = await judged(policy);
    const beta = result.changes.find((change) => change.message.startsWith("/beta/things"))!;
    expect(beta).toMatchObject({
      classification: "info",
      reclassified: {
        from: "breaking",
        reason:
          "GET /beta/things is x-stability: beta in the old version, so its breaking changes do not fail the gate",
      },
    });
    const labs = result.changes.find((change) => change.message.startsWith("/labs"))!;
    expect(labs).toMatchObject({
      classification: "info",
      reclassified: { from: "breaking", entry: { file, line: 3, column: 5 } },
    });
    expect(labs.reclassified?.reason).toContain('alpha by diff.stability "GET /labs/**"');
    expect(result.changes.find((change) => change.message.startsWith("/stable"))!.classification).toBe("breaking");
  });

  it("judges stability by the old version: an operation marked beta only now is still held to its stable promise", async () => {
    const stable = api({ "/pets": { get: { operationId: "listPets", responses: pet(["id", "name"]) } } });
    const nowBeta = api({
      "/pets": { get: { operationId: "listPets", "x-stability": "beta", responses: pet(["id"]) } },
    });
    const [oldDoc, newDoc] = await loadPair(stable, nowBeta);
    const forward = applyPolicy(diffDocuments(oldDoc, newDoc), oldDoc, newDoc, EMPTY_POLICY).result;
    expect(forward.changes.find((change) => change.id === "response-property-became-optional")!.classification).toBe(
      "breaking",
    );
    const [betaDoc, stableDoc] = await loadPair(
      api({ "/pets": { get: { operationId: "listPets", "x-stability": "beta", responses: pet(["id", "name"]) } } }),
      api({ "/pets": { get: { operationId: "listPets", responses: pet(["id"]) } } }),
    );
    const backward = applyPolicy(diffDocuments(betaDoc, stableDoc), betaDoc, stableDoc, EMPTY_POLICY).result;
    expect(backward.changes.find((change) => change.id === "response-property-became-optional")!.classification).toBe(
      "info",
    );
  });
});
