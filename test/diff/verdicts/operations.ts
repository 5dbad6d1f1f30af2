import { doc, obj, S, v, type Verdict } from "./build.js";
import type { Json } from "../fixtures.js";

const ok = { "200": { description: "ok" } };
const get = (more: Json = {}): Json => ({ get: { operationId: "listPets", responses: ok, ...more } });
const bearer = {
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer" },
      key: { type: "apiKey", in: "header", name: "X-Key" },
    },
  },
};
const secured = (security: unknown[], schemes: Json = bearer): Json => doc({ "/pets": get({ security }) }, schemes);
const list = (parameters: Json[], properties: Json): Json =>
  doc({
    "/pets": {
      get: {
        operationId: "listPets",
        parameters,
        responses: {
          "200": {
            description: "page",
            content: { "application/json": { schema: obj({ items: { type: "array", items: S }, ...properties }) } },
          },
        },
      },
    },
  });

export const operationVerdicts: Verdict[] = [
  v(
    "path removed",
    doc({ "/pets": get(), "/owners": get({ operationId: "listOwners" }) }),
    doc({ "/pets": get() }),
    "breaking",
    "clients calling /owners get 404",
    "path-removed",
  ),
  v(
    "path added",
    doc({ "/pets": get() }),
    doc({ "/pets": get(), "/owners": get({ operationId: "listOwners" }) }),
    "non-breaking",
    "nobody called it before",
    "path-added",
  ),
  v(
    "method removed",
    doc({ "/pets": { ...get(), delete: { responses: ok } } }),
    doc({ "/pets": get() }),
    "breaking",
    "DELETE /pets no longer exists",
    "operation-removed",
  ),
  v(
    "method added",
    doc({ "/pets": get() }),
    doc({ "/pets": { ...get(), post: { responses: ok } } }),
    "non-breaking",
    "a new operation breaks no existing call",
    "operation-added",
  ),
  v(
    "operationId renamed",
    doc({ "/pets": get() }),
    doc({ "/pets": get({ operationId: "findPets" }) }),
    "breaking",
    "generated clients name the method after it (README policy)",
    "operation-id-changed",
  ),
  v(
    "deprecated with a sunset",
    doc({ "/pets": get() }),
    doc({ "/pets": get({ deprecated: true, "x-sunset": "2030-01-01" }) }),
    "non-breaking",
    "still works; an announcement",
    "operation-deprecated",
  ),
  v(
    "deprecated without a sunset",
    doc({ "/pets": get() }),
    doc({ "/pets": get({ deprecated: true }) }),
    "non-breaking",
    "still works; a warning to plan",
    "operation-deprecated-without-sunset",
  ),
  v(
    "no longer deprecated",
    doc({ "/pets": get({ deprecated: true }) }),
    doc({ "/pets": get() }),
    "non-breaking",
    "nothing changes on the wire",
    "operation-undeprecated",
  ),
  v(
    "description and summary edited",
    doc({ "/pets": get({ summary: "List", description: "old" }) }),
    doc({ "/pets": get({ summary: "List pets", description: "new" }) }),
    "non-breaking",
    "documentation only",
  ),
  v(
    "tags changed",
    doc({ "/pets": get({ tags: ["a"] }) }),
    doc({ "/pets": get({ tags: ["b"] }) }),
    "non-breaking",
    "grouping in docs only",
  ),
  v(
    "path parameter renamed",
    doc({
      "/pets/{id}": { get: { parameters: [{ name: "id", in: "path", required: true, schema: S }], responses: ok } },
    }),
    doc({
      "/pets/{petId}": {
        get: { parameters: [{ name: "petId", in: "path", required: true, schema: S }], responses: ok },
      },
    }),
    "non-breaking",
    "the URL a client builds is the same",
  ),
  v(
    "public operation now requires a token",
    secured([]),
    secured([{ bearer: [] }]),
    "breaking",
    "anonymous calls get 401",
    "security-requirement-added",
  ),
  v(
    "auth documented for the first time",
    secured([], {}),
    secured([{ bearer: [] }]),
    "non-breaking",
    "the old document said nothing about auth, so clients already sent it",
    "security-requirement-documented",
  ),
  v(
    "scope added",
    secured([{ bearer: [] }]),
    secured([{ bearer: ["pets:read"] }]),
    "breaking",
    "tokens without the scope are refused",
    "security-requirement-changed",
  ),
  v(
    "API key accepted as an alternative",
    secured([{ bearer: [] }]),
    secured([{ bearer: [] }, { key: [] }]),
    "non-breaking",
    "the old way still works",
    "security-requirement-relaxed",
  ),
  v(
    "auth no longer required",
    secured([{ bearer: [] }]),
    secured([]),
    "non-breaking",
    "clients that send a token are still served",
    "security-requirement-relaxed",
  ),
  v(
    "API key header renamed",
    secured([{ key: [] }]),
    secured([{ key: [] }], {
      components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Api-Key" } } },
    }),
    "breaking",
    "clients send the key in a header the server no longer reads",
    "security-scheme-changed",
  ),
  v(
    "pagination removed",
    list([{ name: "page_token", in: "query", schema: S }], { next_page_token: S }),
    list([], {}),
    "breaking",
    "clients lose the way to the next page",
    "pagination-removed",
  ),
  v(
    "pagination style changed",
    list([{ name: "page_token", in: "query", schema: S }], {}),
    list([{ name: "offset", in: "query", schema: { type: "integer" } }], {}),
    "breaking",
    "clients paging by token page wrongly",
    "pagination-style-changed",
  ),
  v(
    "pagination added",
    list([], {}),
    list([{ name: "page_token", in: "query", schema: S }], { next_page_token: S }),
    "breaking",
    "old clients read only the first page (README policy)",
    "pagination-added",
  ),
];
