import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";
import type { Diagnostic } from "../../../../generator/conventions/index.js";

const PAGINATION_RULES = ["pagination/required", "pagination/params", "pagination/response", "pagination/consistent"];

async function paginationProblems(
  spec: string,
  settings?: { pagination: { style: "cursor" | "offset" } },
): Promise<Diagnostic[]> {
  const found = await Promise.all(PAGINATION_RULES.map((rule) => lintYaml(spec, rule, settings ? { settings } : {})));
  return found.flat();
}

const summary = (problems: Diagnostic[]) => problems.map((p) => `${p.ruleId} ${p.line}:${p.column}`);

const cursorList = (path: string) => `
  ${path}:
    get:
      parameters:
        - { name: page_size, in: query, schema: { type: integer, minimum: 1, maximum: 100, default: 20 } }
        - { name: page_token, in: query, schema: { type: string } }
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array, items: { type: string } }, next_page_token: { type: string } } } } } }`;

const offsetList = (path: string) => `
  ${path}:
    get:
      parameters:
        - { name: offset, in: query, schema: { type: integer, minimum: 0, default: 0 } }
        - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 100, default: 20 } }
      responses:
        "200":
          description: ok
          headers: { Link: { description: RFC 8288 page links, schema: { type: string } } }
          content: { application/json: { schema: { type: object, properties: { items: { type: array, items: { type: string } } } } } }`;

const unpagedList = (path: string) => `
  ${path}:
    get:
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array, items: { type: string } } } } } } }`;

const api = (...paths: string[]) =>
  yaml`
  openapi: 3.1.0
  info: { title: Shop, version: 1.0.0 }
  paths:` +
  paths.join("").replace(/\n/g, "\n  ") +
  "\n";

describe("pagination style inferred when settings.pagination.style is unset", () => {
  it("holds a cursor API to the cursor style", async () => {
    expect(await paginationProblems(api(cursorList("/pets"), cursorList("/owners")))).toEqual([]);
  });

  it("holds a consistent offset + Link API to the offset style, without a config", async () => {
    expect(await paginationProblems(api(offsetList("/books"), offsetList("/authors")))).toEqual([]);
  });

  it("still asks an offset API's unpaged list for the offset parameters", async () => {
    const problems = await paginationProblems(api(offsetList("/books"), unpagedList("/authors")));
    // Offset style: the page also needs the Link header.
    expect(summary(problems)).toEqual(["pagination/required 15:7", "pagination/response 17:11"]);
    expect(problems[0]!.message).toContain("add the query parameters offset (integer, minimum 0) and limit");
  });

  it("holds a mixed API to its majority style and reports the list that differs", async () => {
    const problems = await paginationProblems(
      api(offsetList("/books"), offsetList("/authors"), cursorList("/shelves")),
    );
    expect(summary(problems).sort()).toEqual([
      "pagination/consistent 25:7",
      "pagination/params 26:9",
      "pagination/response 30:11",
    ]);
    expect(problems.find((p) => p.ruleId === "pagination/params")!.message).toContain(
      "lacks the offset-style query parameters offset (integer) and limit (integer)",
    );
  });

  it("lets the configured style win over the inferred one", async () => {
    const problems = await paginationProblems(api(offsetList("/books"), offsetList("/authors")), {
      pagination: { style: "cursor" },
    });
    expect(summary(problems).filter((p) => p.startsWith("pagination/params")).length).toBe(2);
    expect(problems.some((p) => p.ruleId === "pagination/consistent")).toBe(false);
  });
});
