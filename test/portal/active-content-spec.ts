// A spec whose examples are active content: served as written from the portal's origin, they would run there.

export const ACTIVE_MARKER = "ACTIVE-CONTENT-RAN";

/** Each runs script when a browser renders it: it logs the marker and leaves it in the origin's localStorage. */
const run = `console.log('${ACTIVE_MARKER}');localStorage.setItem('active-content','${ACTIVE_MARKER}')`;
export const ACTIVE_EXAMPLES = {
  "/page": { type: "text/html", example: `<!doctype html><title>mock</title><script>${run}</script>` },
  "/image": {
    type: "image/svg+xml",
    example: `<svg xmlns="http://www.w3.org/2000/svg" onload="${run}"><rect width="9" height="9"/></svg>`,
  },
  "/script": { type: "application/javascript", example: run },
  "/feed": {
    type: "application/xml",
    example: `<?xml version="1.0"?><a:script xmlns:a="http://www.w3.org/1999/xhtml">${run}</a:script>`,
  },
  "/xhtml": {
    type: "application/xhtml+xml; charset=utf-8",
    example: `<html xmlns="http://www.w3.org/1999/xhtml"><body><script>${run}</script></body></html>`,
  },
  "/listed": { type: "application/json, text/html", example: `<script>${run}</script>` },
} as const;

const problem = {
  description: "A problem",
  content: { "application/problem+json": { schema: { type: "object", properties: { title: { type: "string" } } } } },
};

export function activeContentSpec(): object {
  const paths: Record<string, object> = {};
  for (const [path, { type, example }] of Object.entries(ACTIVE_EXAMPLES)) {
    const id = `get${path.slice(1).replace(/^./, (c) => c.toUpperCase())}`;
    paths[path] = {
      get: {
        operationId: id,
        responses: {
          "200": { description: "Active content", content: { [type]: { schema: { type: "string" }, example } } },
          default: problem,
        },
      },
    };
  }
  paths["/data"] = {
    get: {
      operationId: "getData",
      responses: {
        "200": {
          description: "Data",
          content: { "application/json": { schema: { type: "object" }, example: { ok: true } } },
        },
        default: problem,
      },
    },
  };
  return {
    openapi: "3.1.0",
    info: { title: "Active content", version: "1.0.0" },
    servers: [{ url: "https://active.example.com/v1" }],
    paths,
  };
}
