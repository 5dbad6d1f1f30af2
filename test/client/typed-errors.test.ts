// Typed errors (issue 14, item 5): an operation's error type is the union of ApiError subclasses by status, each
// `problem` typed by that status's documented body; its guard (`isCreatePetError(error, 409)`) narrows a caught error
// to it, and `instanceof ConflictError` then types `problem` too. User code is type-checked, and a wrong property is
// a compile error.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { fakeFetch, json } from "./fake-fetch.js";
import { generateFromSpecText, typecheckUsage } from "./generated-project.js";

const SPEC = `openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
servers: [{ url: "https://pets.test/v1" }]
paths:
  /pets:
    post:
      operationId: createPet
      requestBody: { required: true, content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
      responses:
        "201": { description: made, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
        "409": { description: taken, content: { application/json: { schema: { $ref: "#/components/schemas/Taken" } } } }
        "422": { description: invalid, content: { application/problem+json: { schema: { $ref: "#/components/schemas/Invalid" } } } }
        "410": { description: gone, content: { application/json: { schema: { type: object, required: [since], properties: { since: { type: string } } } } } }
        "5XX": { description: down, content: { application/json: { schema: { $ref: "#/components/schemas/Outage" } } } }
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
        default: { description: any failure, content: { application/json: { schema: { $ref: "#/components/schemas/Failure" } } } }
components:
  schemas:
    Pet: { type: object, required: [id], properties: { id: { type: string } } }
    Taken: { type: object, required: [existing_id], properties: { existing_id: { type: string } } }
    Invalid: { type: object, required: [fields], properties: { fields: { type: array, items: { type: string } } } }
    Outage: { type: object, required: [retry_in], properties: { retry_in: { type: integer } } }
    Failure: { type: object, required: [reason], properties: { reason: { type: string } } }
`;

const USAGE = `
import {
  ConflictError, NotFoundError, ServerError, UnprocessableEntityError, createBaseClient, createPet, getPet, isCreatePetError, isGetPetError,
  type CreatePetError, type CreatePetProblem,
} from "./client/client.js";

const client = createBaseClient();

export async function create(): Promise<string> {
  try {
    return (await createPet(client, { body: { name: "Rex" } })).id;
  } catch (error) {
    if (isCreatePetError(error, 409)) return error.problem.existing_id;
    if (isCreatePetError(error, 410)) return error.problem.since;
    if (isCreatePetError(error)) {
      if (error instanceof ConflictError) return error.problem.existing_id;
      if (error instanceof UnprocessableEntityError) return error.problem.fields.join(",");
      if (error instanceof ServerError) return String(error.problem.retry_in);
      const status: number = error.status;
      return String(status);
    }
    throw error;
  }
}

export function describeFailure(error: CreatePetError): string {
  switch (error.status) {
    case 409: return error.name;
    default: return String(error.status);
  }
}

export async function get(): Promise<string> {
  try {
    return (await getPet(client, { id: "p1" })).id;
  } catch (error) {
    // No 404 documented: the default body.
    if (isGetPetError(error) && error instanceof NotFoundError) return error.problem.reason;
    if (isGetPetError(error, 503)) return error.problem.reason;
    throw error;
  }
}

export const body: CreatePetProblem = { existing_id: "p0" };
`;

let dir: string;
let out: string;

beforeAll(async () => {
  ({ dir, out } = await generateFromSpecText("typed-errors", SPEC));
}, 60_000);

describe("typed errors", () => {
  it("type-check in user code: the guard and instanceof narrow problem to the status's body", async () => {
    expect(await typecheckUsage(dir, USAGE)).toBe("");
  }, 120_000);

  it("a property the status's body does not have is a compile error", async () => {
    const wrong = [
      // 409's body is Taken: no `fields` (that is 422's).
      USAGE.replace(
        "if (isCreatePetError(error, 409)) return error.problem.existing_id;",
        "if (isCreatePetError(error, 409)) return error.problem.fields.join();",
      ),
      // instanceof ConflictError after the guard: Taken again, not any.
      USAGE.replace(
        "if (error instanceof ConflictError) return error.problem.existing_id;",
        "if (error instanceof ConflictError) return error.problem.retry_in;",
      ),
      // getPet documents only `default`: its 404 carries Failure.
      USAGE.replace(
        "error instanceof NotFoundError) return error.problem.reason;",
        "error instanceof NotFoundError) return error.problem.existing_id;",
      ),
    ];
    const results: string[] = [];
    for (const [index, source] of wrong.entries()) {
      expect(source).not.toBe(USAGE);
      results.push(await typecheckUsage(dir, source, `wrong-${index}.ts`));
    }
    expect(results[0]).toMatch(/Property 'fields' does not exist on type '\{[^']*existing_id/);
    expect(results[1]).toMatch(/Property 'retry_in' does not exist/);
    expect(results[2]).toMatch(/Property 'existing_id' does not exist on type '\{[^']*reason/);
  }, 180_000);

  it("the guard is true only for an error this operation threw, with that status", async () => {
    const module = (await import(pathToFileURL(join(out, "client.ts")).href)) as {
      createBaseClient(options: object): object;
      createPet(client: object, params: object): Promise<unknown>;
      getPet(client: object, params: object): Promise<unknown>;
      isCreatePetError(error: unknown, status?: number): boolean;
      isGetPetError(error: unknown, status?: number): boolean;
      ConflictError: new (...args: never[]) => Error;
      OtherStatusError: new (...args: never[]) => Error;
    };
    const fake = fakeFetch((request) =>
      request.method === "POST"
        ? json({ existing_id: "p0" }, { status: 409 })
        : json({ since: "2020" }, { status: 410 }),
    );
    const client = module.createBaseClient({ fetch: fake.fetch, retry: false });
    const conflict = await module.createPet(client, { body: { name: "Rex" } }).catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(module.ConflictError);
    expect(conflict).toMatchObject({
      status: 409,
      problem: { existing_id: "p0" },
      operation: { method: "POST", path: "/pets" },
    });
    expect([
      module.isCreatePetError(conflict),
      module.isCreatePetError(conflict, 409),
      module.isCreatePetError(conflict, 422),
    ]).toEqual([true, true, false]);
    expect(module.isGetPetError(conflict)).toBe(false);
    expect(module.isCreatePetError(new Error("not an ApiError"))).toBe(false);
    const gone = await module.getPet(client, { id: "p1" }).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(module.OtherStatusError);
    expect([module.isGetPetError(gone, 410), module.isCreatePetError(gone)]).toEqual([true, false]);
  });

  it("operations named like the runtime's classes (api, server, operation) keep the classes importable", async () => {
    const ops = ["api", "server", "operation", "network"].map(
      (id) =>
        `  /${id}:\n    get:\n      operationId: ${id}\n      responses: { "200": { description: ok }, "404": { description: no, content: { application/json: { schema: { type: object, properties: { why: { type: string } } } } } } }\n`,
    );
    const named = await generateFromSpecText(
      "typed-errors-names",
      `openapi: 3.1.0\ninfo: { title: Names, version: 1.0.0 }\npaths:\n${ops.join("")}`,
    );
    expect(
      await typecheckUsage(
        named.dir,
        `
import { ApiError, NetworkError, ServerError, isApiError, isApiOperationError, isServerOperationError, type ApiOperationError, type ServerOperationError, type OperationOperationError, type OperationProblem } from "./client/client.js";
export function check(error: unknown): string {
  if (isServerOperationError(error, 404)) return error.problem.why ?? "";
  if (isApiOperationError(error, 404)) return error.problem.why ?? "";
  const classes = [ApiError, NetworkError, ServerError];
  const types: [ApiOperationError?, ServerOperationError?, OperationOperationError?, OperationProblem?] = [];
  return isApiError(error) ? String(error.status) : String(classes.length + types.length);
}
`,
      ),
    ).toBe("");
  }, 120_000);
});
