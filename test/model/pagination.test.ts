// Pagination is detected only where the schema proves it, and every declaration member accepts a dotted path
// (issue 12, "Fix what it finds" 1). The specs are shaped like the real APIs' (pagination-specs.ts).
import { describe, expect, it } from "vitest";
import { buildModel, type BuildModelOptions } from "../../generator/model/build-model.js";
import type { Operation } from "../../generator/model/ir.js";
import {
  asanaLike,
  asanaWithoutNextPage,
  drfCursor,
  googleByteToken,
  jiraLike,
  linksNextUrl,
  notionLike,
  slackLike,
  stripeLike,
  twoTokens,
} from "./pagination-specs.js";

type Spec = Record<string, unknown>;

function listOp(spec: Spec, options: Omit<BuildModelOptions, "source"> = {}): Operation {
  return buildModel(spec, { source: "t", ...options }).operations[0]!;
}

/** The spec with `x-pagination` on its one operation. */
function declaring(spec: Spec, declaration: unknown): Spec {
  const copy = structuredClone(spec) as { paths: Record<string, { get: Record<string, unknown> }> };
  for (const item of Object.values(copy.paths)) item.get["x-pagination"] = declaration;
  return copy;
}

describe("pagination detection: only where the schema proves it", () => {
  it("Asana: a string offset with next_page.offset is a cursor token, not a numeric offset", () => {
    expect(listOp(asanaLike).pagination).toEqual({
      kind: "cursor",
      source: "detected",
      tokenParam: "offset",
      sizeParam: "limit",
      nextTokenField: ["next_page", "offset"],
      hasMoreField: null,
      itemsField: ["data"],
    });
  });

  it("Asana as published (string offset, no next_page in the schema): not paginated, since nothing says where the next token is", () => {
    expect(listOp(asanaWithoutNextPage).pagination).toBeNull();
  });

  it("Google: a format: byte next-token field carries its tokens base64-encoded", () => {
    expect(listOp(googleByteToken).pagination).toMatchObject({
      kind: "cursor",
      tokenParam: "pageToken",
      nextTokenField: ["nextPageToken"],
      tokenEncoding: "base64",
    });
    expect(listOp(slackLike).pagination).not.toHaveProperty("tokenEncoding");
  });

  it("Slack: cursor + response_metadata.next_cursor", () => {
    expect(listOp(slackLike).pagination).toEqual({
      kind: "cursor",
      source: "detected",
      tokenParam: "cursor",
      sizeParam: "limit",
      nextTokenField: ["response_metadata", "next_cursor"],
      hasMoreField: null,
      itemsField: ["channels"],
    });
  });

  it("Notion: start_cursor + next_cursor, ended by has_more", () => {
    expect(listOp(notionLike).pagination).toEqual({
      kind: "cursor",
      source: "detected",
      tokenParam: "start_cursor",
      sizeParam: "page_size",
      nextTokenField: ["next_cursor"],
      hasMoreField: ["has_more"],
      itemsField: ["results"],
    });
  });

  it("Jira: integer startAt/maxResults is an offset scheme ended by isLast or total", () => {
    expect(listOp(jiraLike).pagination).toEqual({
      kind: "offset",
      source: "detected",
      offsetParam: "startAt",
      limitParam: "maxResults",
      isLastField: ["isLast"],
      hasMoreField: null,
      totalField: ["total"],
      itemsField: ["values"],
    });
  });

  it("Stripe: starting_after + has_more over items with an id", () => {
    expect(listOp(stripeLike).pagination).toEqual({
      kind: "after",
      source: "detected",
      afterParam: "starting_after",
      cursorField: ["id"],
      hasMoreField: ["has_more"],
      sizeParam: "limit",
      itemsField: ["data"],
    });
  });

  it("a links.next URL, or a bare next (a page URL in Django REST framework), is not a token to send back in a parameter", () => {
    expect(listOp(linksNextUrl).pagination).toBeNull();
    expect(listOp(drfCursor).pagination).toBeNull();
  });

  it("ambiguous evidence (two token parameters for one field) detects nothing", () => {
    expect(listOp(twoTokens).pagination).toBeNull();
  });

  it("pagination.auto false: nothing is detected, declarations still apply", () => {
    expect(listOp(slackLike, { autoPagination: false }).pagination).toBeNull();
    const declared = declaring(slackLike, {
      style: "cursor",
      tokenParam: "cursor",
      nextTokenField: "response_metadata.next_cursor",
    });
    expect(listOp(declared, { autoPagination: false }).pagination).toMatchObject({
      kind: "cursor",
      source: "declared",
    });
  });
});

describe("x-pagination: dotted paths, verified through $ref/allOf", () => {
  it("declares Asana's scheme with nextTokenField: next_page.offset", () => {
    const op = listOp(
      declaring(asanaLike, {
        style: "cursor",
        tokenParam: "offset",
        sizeParam: "limit",
        nextTokenField: "next_page.offset",
      }),
    );
    expect(op.pagination).toEqual({
      kind: "cursor",
      source: "declared",
      tokenParam: "offset",
      sizeParam: "limit",
      nextTokenField: ["next_page", "offset"],
      hasMoreField: null,
      itemsField: ["data"],
    });
  });

  it("a nested field that does not exist is refused, with the dotted name", () => {
    expect(() =>
      listOp(declaring(asanaLike, { style: "cursor", tokenParam: "offset", nextTokenField: "next_page.token" })),
    ).toThrow(/response field "next_page.token" does not exist/);
  });

  it("offset style refuses a string offset parameter (it is a token)", () => {
    expect(() => listOp(declaring(asanaLike, { style: "offset" }))).toThrow(
      /"offset" is a string, not a number .*use style cursor/,
    );
  });

  it("offset style: declared end signals are verified; undeclared ones are read from the schema", () => {
    expect(
      listOp(
        declaring(jiraLike, {
          style: "offset",
          offsetParam: "startAt",
          limitParam: "maxResults",
          itemsField: "values",
        }),
      ).pagination,
    ).toMatchObject({
      isLastField: ["isLast"],
      totalField: ["total"],
    });
    expect(() =>
      listOp(
        declaring(jiraLike, { style: "offset", offsetParam: "startAt", limitParam: "maxResults", isLastField: "last" }),
      ),
    ).toThrow(/response field "last" does not exist/);
  });

  it("Notion's hasMoreField and Stripe's cursorField (an item field) are verified", () => {
    expect(
      listOp(
        declaring(notionLike, {
          style: "cursor",
          tokenParam: "start_cursor",
          nextTokenField: "next_cursor",
          hasMoreField: "has_more",
        }),
      ).pagination,
    ).toMatchObject({ hasMoreField: ["has_more"] });
    expect(() => listOp(declaring(stripeLike, { style: "after", cursorField: "uid" }))).toThrow(
      /item field "uid" does not exist/,
    );
  });
});

describe("examples in the IR", () => {
  it("a parameter carries its example; a media type its example or first examples value", () => {
    const op = listOp(asanaLike);
    expect(op.parameters.find((p) => p.rawName === "offset")?.example).toBe("eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9");
    expect(op.parameters.find((p) => p.rawName === "limit")).not.toHaveProperty("example");
    const spec = structuredClone(asanaLike) as {
      paths: Record<
        string,
        { get: { responses: Record<string, { content: Record<string, Record<string, unknown>> }> } }
      >;
    };
    spec.paths["/projects"]!.get.responses["200"]!.content["application/json"]!.examples = {
      first: { value: { data: [] } },
    };
    expect(listOp(spec).responses[0]?.content[0]?.example).toEqual({ data: [] });
  });
});
