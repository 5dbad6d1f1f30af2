import { describe, expect, it } from "vitest";
import { pathValue, plainValue, queryPairs, serializeParams } from "../../templates/runtime/client/serialize.js";

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
  it("places each parameter by location and skips absent ones", () => {
    const out = serializeParams(
      "/pets/{pet_id}",
      [["path", "pet_id"], ["query", "page_size"], ["query", "tag"], ["header", "X-Trace"], ["cookie", "session"], ["query", "body", { key: "body_" }]],
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
