// The shared definition of a list operation (CONVENTIONS.md §1) that the pagination rules and the client model use.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../../../generator/load/index.js";
import { walkDocument } from "../../../../generator/conventions/walk.js";
import { DEFAULT_SETTINGS } from "../../../../generator/conventions/settings.js";
import {
  isCollectionPath,
  listOperationOf,
  resourceNameOf,
  type ListOperation,
} from "../../../../generator/conventions/helpers/list-operation.js";
import { yaml } from "../../lint-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "specwright-list-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `GET path` -> where its items are ("body", the property name, or undefined when it is not a list operation). */
async function listsOf(text: string): Promise<Record<string, string | undefined>> {
  const file = join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const document = await loadSpec(file);
  const found: Record<string, string | undefined> = {};
  walkDocument(document, {
    operation(operation) {
      const list: ListOperation | undefined = listOperationOf(document, operation, DEFAULT_SETTINGS);
      found[`${operation.method.toUpperCase()} ${operation.path}`] =
        list && (list.items.kind === "body" ? "body" : list.items.name);
    },
  });
  return found;
}

const ok = (schema: string) => `{ description: ok, content: { application/json: { schema: ${schema} } } }`;

describe("list operations", () => {
  it("are GETs on collection paths", () => {
    expect(["/pets", "/pets/{pet_id}/tags", "/pets/", "/{tenant}/pets"].map(isCollectionPath)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["/pets/{pet_id}", "/pets/{pet_id}/", "/"].map(isCollectionPath)).toEqual([false, false, false]);
    expect(resourceNameOf("/stores/{store_id}/line-items")).toBe("line_items");
  });

  it("find the items in the body, the configured or resource-named array, or the one array beside a page marker", async () => {
    const found = await listsOf(yaml`
      openapi: 3.1.0
      info: { title: T, version: 1.0.0 }
      paths:
        /a: { get: { responses: { "200": ${ok("{ type: array }")} } } }
        /b: { get: { responses: { "200": ${ok("{ allOf: [{ $ref: '#/components/schemas/Page' }, { properties: { items: { type: array } } }] }")} } } }
        /pets: { get: { responses: { "200": ${ok("{ type: object, properties: { pets: { type: array }, tags: { type: array } } }")} } } }
        /c: { get: { responses: { "200": ${ok("{ type: object, properties: { total_count: { type: integer }, repositories: { type: array } } }")} } } }
        /d: { get: { responses: { "200": ${ok("{ type: object, properties: { flags: { type: array } } }")} } } }
        /e: { get: { x-pagination: false, responses: { "200": ${ok("{ type: array }")} } } }
        /f: { post: { responses: { "200": ${ok("{ type: array }")} } } }
        /f/{id}: { get: { responses: { "200": ${ok("{ type: array }")} } } }
        /g: { get: { responses: { "200": { description: ok, content: { text/csv: { schema: { type: array } } } } } } }
      components:
        schemas:
          Page: { type: object, properties: { next_page_token: { type: string } } }
    `);
    expect(found).toEqual({
      "GET /a": "body",
      "GET /b": "items",
      "GET /pets": "pets",
      "GET /c": "repositories",
      "GET /d": undefined,
      "GET /e": undefined,
      "POST /f": undefined,
      "GET /f/{id}": undefined,
      "GET /g": undefined,
    });
  });
});
