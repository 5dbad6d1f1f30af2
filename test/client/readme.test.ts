// The generated SDK README is true to the spec (issue 12, "Fix what it finds" 2 and 5): examples from the spec's
// examples, descriptions with their Markdown, and for each list operation how it pages.
import { describe, expect, it } from "vitest";
import { renderClient } from "../../generator/emit/client/generate-client.js";
import { buildModel } from "../../generator/model/build-model.js";
import { asanaWithoutNextPage, jiraLike, slackLike } from "../model/pagination-specs.js";

async function readme(spec: Record<string, unknown>): Promise<string> {
  return (await renderClient(buildModel(spec, { source: "spec.json" }), spec, { skipTypes: true })).get("README.md")!;
}

const shop = {
  openapi: "3.1.0",
  info: {
    title: "Shop",
    version: "1.0.0",
    description: "Orders for the [Shop platform](https://shop.test), see `order_id` and *snake_case* names.",
  },
  paths: {
    "/orders/{order_id}": {
      get: {
        operationId: "getOrder",
        tags: ["orders"],
        summary: "Get an order_item",
        description: "Returns the order. Use [filters](https://shop.test/filters) with `opt_fields`.",
        parameters: [
          { name: "order_id", in: "path", required: true, example: "ord_12345", schema: { type: "string" } },
        ],
        responses: { "200": { description: "ok" } },
      },
    },
    "/orders": {
      post: {
        operationId: "createOrder",
        tags: ["orders"],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/NewOrder" },
              examples: { basic: { value: { sku: "SKU-1", quantity: 2 } } },
            },
          },
        },
        responses: { "201": { description: "created" } },
      },
    },
    "/carts/{cart_id}": {
      put: {
        operationId: "putCart",
        tags: ["orders"],
        parameters: [{ name: "cart_id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/NewOrder" } } },
        },
        responses: { "200": { description: "ok" } },
      },
    },
  },
  components: {
    schemas: {
      NewOrder: {
        type: "object",
        required: ["sku"],
        properties: { sku: { type: "string" }, quantity: { type: "integer" } },
      },
    },
  },
};

describe("generated README", () => {
  it("takes examples from the spec's parameter and body examples, else samples of the schema, never the name", async () => {
    const text = await readme(shop);
    expect(text).toContain(`api.orders.get({ order_id: "ord_12345" })`);
    expect(text).toContain(`api.orders.create({ body: {"sku":"SKU-1","quantity":2} })`);
    expect(text).not.toContain("/* … */");
    expect(text).not.toContain(`cart_id: "cart_id"`);
    expect(text).toMatch(
      /api\.orders\.putCart\(\{ cart_id: "[0-9a-f-]{36}", body: \{"sku":"string","quantity":0\} \}\)/,
    );
  });

  it("keeps the descriptions' Markdown (no \\[ or \\_)", async () => {
    const text = await readme(shop);
    expect(text).toContain("Orders for the [Shop platform](https://shop.test), see `order_id` and *snake_case* names.");
    expect(text).toContain("Returns the order. Use [filters](https://shop.test/filters) with `opt_fields`.");
    expect(text).toContain("#### `GET /orders/{order_id}` — Get an order_item");
    expect(text).not.toMatch(/\\[[_[\]*]/);
  });

  it("says for each list operation how it pages", async () => {
    expect(await readme(slackLike)).toContain(
      "Pages by token: sends `cursor` = the previous page's `response_metadata.next_cursor`, until that is empty or absent; page size `limit` (detected from the spec).",
    );
    expect(await readme(jiraLike)).toContain(
      "Pages by offset: `startAt` advances by the items received, `maxResults` is the page size; ends when `isLast` is true, or `total` items have come",
    );
    const bare = await readme(asanaWithoutNextPage);
    expect(bare).toContain("Not paged by the client: the spec shows no paging scheme it can follow.");
    expect(bare).toContain("walkPages((params) => api.things.list(params)");
  });

  it("has sections on standalone functions, withResponse (list calls too) and typed errors, examples from the spec", async () => {
    const text = await readme({
      ...shop,
      paths: {
        ...shop.paths,
        "/orders": {
          ...shop.paths["/orders"],
          get: {
            operationId: "listOrders",
            tags: ["orders"],
            parameters: [
              { name: "page_token", in: "query", schema: { type: "string" } },
              { name: "page_size", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
            ],
            responses: {
              "200": {
                description: "ok",
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      required: ["items"],
                      properties: {
                        items: { type: "array", items: { type: "object" } },
                        next_page_token: { type: "string" },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        "/orders/{order_id}": {
          get: {
            ...shop.paths["/orders/{order_id}"].get,
            responses: {
              "200": { description: "ok" },
              "400": { description: "bad" },
              "404": {
                description: "gone",
                content: { "application/json": { schema: { $ref: "#/components/schemas/Missing" } } },
              },
            },
          },
        },
      },
      components: {
        schemas: { ...shop.components.schemas, Missing: { type: "object", properties: { id: { type: "string" } } } },
      },
    });
    const headings = [...text.matchAll(/^## (.*)$/gm)].map((match) => match[1]);
    expect(headings.slice(0, 5)).toEqual([
      "Install",
      "Standalone functions",
      "Response metadata",
      "Typed errors",
      "Names",
    ]);
    expect(text).toContain(`const result = await createOrder(client, { body: {"sku":"SKU-1","quantity":2} });`);
    expect(text).toContain(`await api.orders.create({ body: {"sku":"SKU-1","quantity":2} }, { withResponse: true });`);
    expect(text).toContain(
      `for await (const { data, response } of api.orders.list({}, { withResponse: true }).pages())`,
    );
    expect(text).toContain(
      `  if (isGetOrderError(error, 404)) console.error(error.problem); // the 404 body (Missing)`,
    );
    expect(text).toContain(
      "else if (isGetOrderError(error)) console.error(error.status, error.requestId, error.problem); // GetOrderError",
    );
    expect(text).toContain("names the page's origin and the base URL");
  });
});
