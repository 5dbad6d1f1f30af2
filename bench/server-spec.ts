// The API the server benchmark serves: a JSON POST taking a ~1 kB body and a cursor-paginated GET, written to
// follow the conventions (RFC 9457 errors, page_size/page_token, 201 + Location).
export const benchSpec = {
  openapi: "3.1.0",
  info: { title: "Bench API", version: "1.0.0" },
  servers: [{ url: "http://127.0.0.1/v1" }],
  paths: {
    "/items": {
      get: {
        operationId: "listItems",
        parameters: [
          { name: "page_size", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          { name: "page_token", in: "query", schema: { type: "string" } },
          { name: "category", in: "query", schema: { type: "string", enum: ["books", "music", "games"] } },
        ],
        responses: {
          "200": {
            description: "A page",
            content: { "application/json": { schema: { $ref: "#/components/schemas/ItemList" } } },
          },
          "400": { $ref: "#/components/responses/Problem" },
        },
      },
      post: {
        operationId: "createItem",
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/ItemInput" } } },
        },
        responses: {
          "201": {
            description: "Created",
            headers: { Location: { schema: { type: "string" } } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
          },
          "400": { $ref: "#/components/responses/Problem" },
        },
      },
    },
  },
  components: {
    responses: {
      Problem: {
        description: "Problem",
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
      },
    },
    schemas: {
      Problem: {
        type: "object",
        required: ["type", "title", "status"],
        properties: {
          type: { type: "string" },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
          code: { type: "string" },
        },
      },
      ItemInput: {
        type: "object",
        additionalProperties: false,
        required: ["name", "category", "price", "tags"],
        properties: {
          name: { type: "string", minLength: 1, maxLength: 200 },
          category: { type: "string", enum: ["books", "music", "games"] },
          description: { type: "string", maxLength: 2000 },
          price: { type: "number", minimum: 0 },
          tags: { type: "array", maxItems: 20, items: { type: "string", maxLength: 40 } },
          attributes: { type: "object", additionalProperties: { type: "string", maxLength: 100 } },
          contact_email: { type: "string", format: "email" },
        },
      },
      Item: {
        allOf: [
          { $ref: "#/components/schemas/ItemInput" },
          { type: "object", required: ["id"], properties: { id: { type: "string" } } },
        ],
      },
      ItemList: {
        type: "object",
        required: ["items", "next_page_token"],
        properties: {
          items: { type: "array", items: { $ref: "#/components/schemas/Item" } },
          next_page_token: { type: "string" },
        },
      },
    },
  },
} as const;

/** A valid create body of about 1 kB. */
export const benchBody = JSON.stringify({
  name: "The Left Hand of Darkness, special anniversary edition",
  category: "books",
  description:
    "A science fiction novel about an envoy sent to a planet whose inhabitants can change their sex. ".repeat(7),
  price: 19.99,
  tags: ["fiction", "classic", "science-fiction", "anniversary", "hardcover", "illustrated", "award-winner"],
  attributes: { publisher: "Ace Books", language: "en", isbn: "9780441478125", binding: "hardcover", pages: "304" },
  contact_email: "orders@bookshop.example.com",
});
