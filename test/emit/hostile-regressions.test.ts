// Regressions found by the hostile-spec property test (test/hostile): small specs that each hold one hostile
// shape, generated as `specwright generate` does, type-checked strictly in one compiler run, then exercised.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleSpec, loadSpec } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/build-model.js";
import { ModelError } from "../../generator/model/model-error.js";
import { emitTypes } from "../../generator/emit/types.js";
import { REPO_ROOT } from "../corpus/corpus-specs.js";
import { generateOutputs } from "../corpus/generate-outputs.js";
import { typecheckBatch, type BatchResult } from "../corpus/typecheck.js";
import { authenticate, type SchemeSpec } from "../../templates/runtime/server/security.js";
import {
  DISCRIMINATOR_CHILDREN_SPEC,
  HOSTILE_NAMES_SPEC,
  MEMBER_REFS_SPEC,
  SELF_DEFINED_SCHEMAS_SPEC,
  SWAGGER2_PROTO_DEFINITION_SPEC,
} from "./hostile-regression-specs.js";

const workDir = join(REPO_ROOT, ".tmp/hostile-regressions");
const SPECS = {
  cycles: SELF_DEFINED_SCHEMAS_SPEC,
  names: HOSTILE_NAMES_SPEC,
  memberRefs: MEMBER_REFS_SPEC,
  discriminatorChildren: DISCRIMINATOR_CHILDREN_SPEC,
  swagger2Proto: SWAGGER2_PROTO_DEFINITION_SPEC,
};
type SpecName = keyof typeof SPECS;
const outDir = (name: SpecName, side: "client" | "server") => join(workDir, name, side);

let typecheck: BatchResult;

beforeAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  for (const [name, spec] of Object.entries(SPECS)) {
    const file = join(workDir, `${name}.json`);
    writeFileSync(file, JSON.stringify(spec));
    const outcome = await generateOutputs(await loadSpec(file), `${name}.json`, join(workDir, name));
    expect(outcome.refusedBy).toBeUndefined();
  }
  typecheck = typecheckBatch(
    workDir,
    Object.keys(SPECS).map((id) => ({ id, dir: join(workDir, id) })),
    { timeoutMs: 5 * 60_000 },
  );
}, 10 * 60_000);

afterAll(() => {
  if (process.env.KEEP_REGRESSIONS !== "1") rmSync(workDir, { recursive: true, force: true });
});

type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
async function validators(name: SpecName, kind: "params" | "bodies"): Promise<Record<string, Validator>> {
  return (await import(pathToFileURL(join(outDir(name, "server"), "validators", `${kind}.js`)).href)) as Record<
    string,
    Validator
  >;
}

describe("hostile spec regressions", () => {
  it("the generated client and server type-check strictly", () => {
    expect(typecheck.failure).toBeUndefined();
    for (const name of Object.keys(SPECS)) expect(typecheck.verdicts.get(name), name).toEqual({ errors: 0 });
  });

  it("schemas defined only through themselves become unknown in types.ts; genuinely recursive ones keep their type", () => {
    const types = readFileSync(join(outDir("cycles", "client"), "types.ts"), "utf8");
    for (const name of ["A", "B", "C", "List"]) expect(types).toMatch(new RegExp(`\\n\\s+${name}: unknown;`));
    expect(types).toMatch(/\n\s+Node: \{\n\s+next\?: components\["schemas"\]\["Node"\];/);
  });

  it("refs into the middle of operations and components become the types they point at", () => {
    const types = readFileSync(join(outDir("memberRefs", "client"), "types.ts"), "utf8");
    expect(types).not.toMatch(/\["(paths|parameters)"\]\[[^\]]+\]\["(get|schema)"\]/);
    expect(types).not.toMatch(/\["allOf"\]/);
    expect(types).toMatch(/damage\?: number;/);
  });

  it("emitTypes leaves the bundled document it is given untouched", async () => {
    const file = join(workDir, "cycles.json");
    const bundled = await bundleSpec(await loadSpec(file));
    const before = JSON.stringify(bundled);
    emitTypes(bundled as Record<string, unknown>, "cycles.json");
    expect(JSON.stringify(bundled)).toBe(before);
  });

  it("a body whose schema is only a cycle of references accepts any JSON; a recursive one is still checked", async () => {
    const bodies = Object.values(await validators("cycles", "bodies"));
    const verdicts = bodies.map((validate) => [validate({ next: 5 }), validate({ next: { next: {} } })]);
    // One validator for the cyclic body (anything goes) and one for Node (`next` must be an object).
    expect(verdicts).toEqual(
      expect.arrayContaining([
        [true, true],
        [false, true],
      ]),
    );
  });

  it("a component schema named __proto__ is a real schema in types.ts, from 3.x and from a 2.0 definition", () => {
    const names = readFileSync(join(outDir("names", "client"), "types.ts"), "utf8");
    expect(names).toMatch(/\n\s+__proto__: \{\n\s+id\?: string;/);
    const upgraded = readFileSync(join(outDir("swagger2Proto", "client"), "types.ts"), "utf8");
    expect(upgraded).toMatch(/\n\s+__proto__: \{\n\s+id: string;/);
    expect(upgraded).toContain('owner?: components["schemas"]["__proto__"];');
    expect(upgraded).not.toContain("[object Object]");
  });

  it("a body whose schema refers to a 2.0 definition named __proto__ is validated against it", async () => {
    const [body] = Object.values(await validators("swagger2Proto", "bodies"));
    expect(body?.({ owner: { id: "o1" } })).toBe(true);
    expect(body?.({ owner: {} })).toBe(false);
  });

  it("a parameter named __proto__ is a real, required property of the parameters schema", async () => {
    // Both operations of the path share one validator, named after what it checks.
    const paths = Object.entries(await validators("names", "params")).filter(([name]) => name.endsWith("Path"));
    expect(paths).toHaveLength(1);
    const validate = paths[0]?.[1];
    expect(validate?.({})).toBe(false);
    expect(validate?.(JSON.parse('{"__proto__": "1"}'))).toBe(true);
  });

  it("names holding a lone surrogate are validated like any other property", async () => {
    const query = (await validators("names", "params")).ConstructorParamQuery;
    // Parameter validators see values the runtime has already coerced (runtime/server/coerce.ts).
    expect(query?.(JSON.parse('{"\\ud800": 7}'))).toBe(true);
    expect(query?.(JSON.parse('{"\\ud800": "seven"}'))).toBe(false);
    const [body] = Object.values(await validators("names", "bodies"));
    expect(body?.(JSON.parse('{"\\udfff": 1}'))).toBe(true);
    expect(body?.(JSON.parse('{"\\udfff": "x"}'))).toBe(false);
    expect(body?.({})).toBe(false); // still required
  });

  it("operation and group names never shadow Object.prototype members, and keep one name each", async () => {
    const model = buildModel(await bundleSpec(await loadSpec(join(workDir, "names.json"))), { source: "names.json" });
    const protoMembers = new Set(Object.getOwnPropertyNames(Object.prototype));
    const groups = model.groups.map((group) => group.safeName);
    const operations = model.operations.map((op) => `${op.group}.${op.name}`);
    for (const name of [...groups, ...model.operations.map((op) => op.name)])
      expect(protoMembers.has(name), name).toBe(false);
    expect(new Set(operations).size).toBe(model.operations.length);
  });

  it("the client sends the API key of a security scheme named `constructor`, and only when it was given", async () => {
    const sent: Request[] = [];
    const fetch = async (request: Request) => {
      sent.push(request);
      return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
    };
    const { createClient } = (await import(pathToFileURL(join(outDir("names", "client"), "client.ts")).href)) as {
      createClient: (options: object) => Record<string, Record<string, (input: object) => Promise<unknown>>>;
    };
    const protoMembers = new Set(Object.getOwnPropertyNames(Object.prototype));
    const withKey = createClient({ baseUrl: "http://api.test", fetch, auth: { apiKey: { constructor: "k1" } } });
    const withoutKey = createClient({ baseUrl: "http://api.test", fetch, auth: { apiKey: { other: "k2" } } });
    for (const [group, methods] of Object.entries(withKey)) {
      expect(protoMembers.has(group), group).toBe(false);
      for (const method of Object.keys(methods)) expect(protoMembers.has(method), method).toBe(false);
    }
    const listSecret = Object.values(withKey)
      .flatMap((methods) => Object.entries(methods))
      .filter(([name]) => name.startsWith("listSecret"));
    expect(listSecret).toHaveLength(1);
    await listSecret[0]?.[1]({});
    const [, other] =
      Object.values(withoutKey)
        .flatMap((methods) => Object.entries(methods))
        .find(([name]) => name.startsWith("listSecret")) ?? [];
    await other?.({});
    expect(sent.map((request) => request.headers.get("x-key"))).toEqual(["k1", null]);
  });

  it("the server never treats Object.prototype members as configured verifiers or schemes", async () => {
    const request = { headers: { "x-key": "k1" } } as unknown as Parameters<typeof authenticate>[0];
    const apiKey: SchemeSpec = { kind: "api-key", name: "constructor", in: "header", paramName: "X-Key" };
    const schemes = Object.fromEntries([["constructor", apiKey]]);
    // No verifier for `constructor`: nobody may pass it (before, `verifiers.constructor` was `Object`).
    await expect(authenticate(request, [[{ scheme: "constructor", scopes: [] }]], schemes, {})).rejects.toMatchObject({
      status: 401,
    });
    // `toString` is no scheme of this API: a missing credential, not Object.prototype.toString.
    await expect(authenticate(request, [[{ scheme: "toString", scopes: [] }]], schemes, {})).rejects.toMatchObject({
      status: 401,
    });
    const accepted = await authenticate(
      request,
      [[{ scheme: "__proto__", scopes: [] }]],
      Object.fromEntries([["__proto__", apiKey]]),
      {
        ["__proto__"]: (credential: unknown) => credential,
      },
    );
    expect(Object.keys(accepted?.schemes ?? {})).toEqual(["__proto__"]);
  });

  it("a path holding a bare % is refused with a diagnostic naming it, not a URIError", async () => {
    const file = join(workDir, "bare-percent.json");
    writeFileSync(
      file,
      JSON.stringify({ ...HOSTILE_NAMES_SPEC, paths: { "/files/{%}": HOSTILE_NAMES_SPEC.paths["/secret"] } }),
    );
    const bundled = await bundleSpec(await loadSpec(file));
    expect(() => buildModel(bundled, { source: "bare-percent.json" })).toThrow(ModelError);
    expect(() => buildModel(bundled, { source: "bare-percent.json" })).toThrow('path "/files/{%}"');
    const secret = HOSTILE_NAMES_SPEC.paths["/secret"];
    writeFileSync(
      file,
      JSON.stringify({
        ...HOSTILE_NAMES_SPEC,
        paths: {
          "/files": { get: { ...secret.get, parameters: [{ name: "100%", in: "query", schema: { type: "string" } }] } },
        },
      }),
    );
    const withParam = await bundleSpec(await loadSpec(file));
    expect(() => buildModel(withParam, { source: "bare-percent.json" })).toThrow(
      'query parameter "100%" of GET /files',
    );
    // Decoded once per nesting level: an escaped % followed by another escape still breaks the second decoding.
    writeFileSync(file, JSON.stringify({ ...HOSTILE_NAMES_SPEC, paths: { "/a%25%EA%AB%A3": secret } }));
    const escapedPercent = await bundleSpec(await loadSpec(file));
    expect(() => buildModel(escapedPercent, { source: "bare-percent.json" })).toThrow(ModelError);
  });
});
