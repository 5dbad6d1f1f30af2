import { describe, expect, it } from "vitest";
import { InvalidParameterError } from "../../templates/runtime/client/errors.js";
import {
  headerValue,
  pathValue,
  plainValue,
  queryPairs,
  serializeParams,
  type ParamSpec,
} from "../../templates/runtime/client/serialize.js";

// Expected strings are the examples of the OpenAPI 3.1 "Style Examples" table (color = blue / [blue,black,brown] / {R:100,G:200,B:150}).
const array = ["blue", "black", "brown"];
const object = { R: 100, G: 200, B: 150 };

describe("query serialization", () => {
  it("form explode repeats the name for arrays and spreads objects", () => {
    expect(queryPairs("color", "blue")).toEqual(["color=blue"]);
    expect(queryPairs("color", array)).toEqual(["color=blue", "color=black", "color=brown"]);
    expect(queryPairs("color", object)).toEqual(["R=100", "G=200", "B=150"]);
  });
  it("form without explode joins with commas", () => {
    expect(queryPairs("color", array, "form", false)).toEqual(["color=blue,black,brown"]);
    expect(queryPairs("color", object, "form", false)).toEqual(["color=R,100,G,200,B,150"]);
  });
  it("space and pipe delimited, deepObject", () => {
    expect(queryPairs("color", array, "spaceDelimited", false)).toEqual(["color=blue%20black%20brown"]);
    expect(queryPairs("color", array, "pipeDelimited", false)).toEqual(["color=blue|black|brown"]);
    expect(queryPairs("color", object, "deepObject", true)).toEqual(["color[R]=100", "color[G]=200", "color[B]=150"]);
  });
  it("sends an item or member that is an object or array as its JSON text (no style defines nested values)", () => {
    expect(queryPairs("a", [{ n: 1 }, { n: 2 }])).toEqual([
      `a=${encodeURIComponent('{"n":1}')}`,
      `a=${encodeURIComponent('{"n":2}')}`,
    ]);
    expect(queryPairs("f", { range: { gte: 1 }, tags: ["x"] }, "deepObject", true)).toEqual([
      `f[range]=${encodeURIComponent('{"gte":1}')}`,
      `f[tags]=${encodeURIComponent('["x"]')}`,
    ]);
    expect(plainValue([{ n: 1 }, [2]])).toBe('{"n":1},[2]');
  });
  it("percent-encodes reserved characters", () => {
    expect(queryPairs("q", "a&b=c d")).toEqual(["q=a%26b%3Dc%20d"]);
  });
});

describe("path serialization", () => {
  it("simple", () => {
    expect(pathValue("color", "blue")).toBe("blue");
    expect(pathValue("color", array)).toBe("blue,black,brown");
    expect(pathValue("color", object)).toBe("R,100,G,200,B,150");
    expect(pathValue("color", object, "simple", true)).toBe("R=100,G=200,B=150");
  });
  it("label and matrix", () => {
    expect(pathValue("color", array, "label", false)).toBe(".blue,black,brown");
    expect(pathValue("color", array, "label", true)).toBe(".blue.black.brown");
    expect(pathValue("color", "blue", "matrix", false)).toBe(";color=blue");
    expect(pathValue("color", array, "matrix", true)).toBe(";color=blue;color=black;color=brown");
    expect(pathValue("color", object, "matrix", true)).toBe(";R=100;G=200;B=150");
  });
  it("encodes slashes and traversal attempts so a value stays one segment", () => {
    expect(pathValue("id", "../admin")).toBe("..%2Fadmin");
  });
});

describe("serializeParams", () => {
  it("sends a parameter defined by JSON content as its JSON text (stream-io's path ids)", () => {
    const out = serializeParams(
      "/c/{id}",
      [
        ["path", "id", { json: true }],
        ["query", "f", { json: true }],
      ],
      { id: "a b", f: { n: 1 } },
    );
    expect([out.path, out.query]).toEqual([
      `/c/${encodeURIComponent('"a b"')}`,
      [`f=${encodeURIComponent('{"n":1}')}`],
    ]);
  });
  it("places each parameter by location and skips absent ones", () => {
    const out = serializeParams(
      "/pets/{pet_id}",
      [
        ["path", "pet_id"],
        ["query", "page_size"],
        ["query", "tag"],
        ["header", "X-Trace"],
        ["cookie", "session"],
        ["query", "body", { key: "body_" }],
      ],
      { pet_id: "p 1", page_size: 10, "X-Trace": "t", session: "s;1", body_: "x" },
    );
    expect(out).toEqual({
      path: "/pets/p%201",
      query: ["page_size=10", "body=x"],
      headers: [["X-Trace", "t"]],
      cookies: ["session=s%3B1"],
    });
    expect(plainValue(["a", "b"])).toBe("a,b");
  });
});

describe("safe paths (a value stays inside its segment of the operation's path)", () => {
  const thing: ParamSpec[] = [["path", "thing_id"]];
  const refusal = (path: string, specs: readonly ParamSpec[], input: Record<string, unknown>) => {
    try {
      serializeParams(path, specs, input);
    } catch (error) {
      return error;
    }
    return "accepted";
  };

  it.each([[".."], ["."], [""]])("refuses the value %j, which would leave the path", (value) => {
    const error = refusal("/v1/things/{thing_id}", thing, { thing_id: value });
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error).toMatchObject({ parameter: "thing_id", message: expect.stringContaining("/v1/things/{thing_id}") });
  });

  it("refuses a label-style value that becomes a dot segment, and names that parameter", () => {
    const specs: ParamSpec[] = [
      ["path", "a"],
      ["path", "b", { style: "label" }],
    ];
    expect(refusal("/x/{a}/{b}", specs, { a: "ok", b: "." })).toMatchObject({ parameter: "b" });
    expect(refusal("/x/{a}/{b}", specs, { a: "ok", b: [] })).toMatchObject({ parameter: "b" });
  });

  it("accepts dots that are not a whole segment", () => {
    expect(serializeParams("/files/{name}", [["path", "name"]], { name: "..." }).path).toBe("/files/...");
    expect(serializeParams("/files/{name}.json", [["path", "name"]], { name: "." }).path).toBe("/files/..json");
    expect(serializeParams("/files/{name}", [["path", "name", { style: "matrix" }]], { name: ".." }).path).toBe(
      "/files/;name=..",
    );
  });

  it("refuses a missing path parameter (path parameters are always required)", () => {
    for (const input of [{}, { thing_id: undefined }, { thing_id: null }]) {
      expect(refusal("/v1/things/{thing_id}", thing, input)).toMatchObject({
        name: "InvalidParameterError",
        parameter: "thing_id",
      });
    }
  });

  it("percent-encodes / ? # (and %) in every path style, values and object keys alike (RFC 3986 §3.3)", () => {
    const hostile = "a/b?c#d%e";
    expect(pathValue("id", hostile)).toBe("a%2Fb%3Fc%23d%25e");
    expect(pathValue("id", [hostile, "/"], "label", true)).toBe(".a%2Fb%3Fc%23d%25e.%2F");
    expect(pathValue("id", hostile, "matrix")).toBe(";id=a%2Fb%3Fc%23d%25e");
    expect(pathValue("id", { "k/?#": hostile }, "matrix", true)).toBe(";k%2F%3F%23=a%2Fb%3Fc%23d%25e");
    expect(serializeParams("/v1/things/{thing_id}", thing, { thing_id: "../../admin" }).path).toBe(
      "/v1/things/..%2F..%2Fadmin",
    );
  });
});

describe("header values", () => {
  it("accepts field values with tabs, spaces and obs-text", () => {
    expect(headerValue("X-Trace", "a b\tc é")).toBe("a b\tc é");
  });
  it.each([
    ["CR LF", "a\r\nInjected: 1"],
    ["LF", "a\nb"],
    ["NUL", "a\u0000"],
    ["DEL", "a\u007f"],
    ["above U+00FF", "€"],
  ])("refuses %s, naming the header", (_, value) => {
    expect(() => headerValue("X-Trace", value)).toThrow(
      expect.objectContaining({ name: "InvalidParameterError", parameter: "X-Trace" }),
    );
  });
  it("refuses a header name that is not a token", () => {
    expect(() => headerValue("X Trace:", "v")).toThrow(InvalidParameterError);
  });
});

describe("allowReserved (OpenAPI 3.1 §4.8.12.1)", () => {
  it("sends RFC 3986 reserved characters of a query value as they are, except those that would change the query", () => {
    const spec: ParamSpec = ["query", "path", { reserved: true }];
    expect(serializeParams("/files", [spec], { path: "/a/b:c@d!$'()*,;[0]?" }).query).toEqual([
      "path=/a/b:c@d!$'()*,;[0]?",
    ]);
    expect(serializeParams("/files", [spec], { path: "a&b=c#d+e f" }).query).toEqual(["path=a%26b%3Dc%23d%2Be%20f"]);
  });

  it("percent-encodes them without it", () => {
    expect(serializeParams("/files", [["query", "path"]], { path: "/a/b:c" }).query).toEqual(["path=%2Fa%2Fb%3Ac"]);
    expect(queryPairs("path", ["/a", "/b"], "form", false, true)).toEqual(["path=/a,/b"]);
  });
});
