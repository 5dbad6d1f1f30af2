import { describe, expect, it } from "vitest";
import { parseCookieHeader, readHeaders, readPath, readQuery } from "../../templates/runtime/server/parameters.js";
import type { ParamSpec } from "../../templates/runtime/server/parameters.js";
import { HttpProblem } from "../../templates/runtime/server/problem.js";
import { candidates, coerceParams, firstValid } from "../../templates/runtime/server/coerce.js";

type Shorthand = "scalar" | "array" | "object";
const SHAPES: Record<Shorthand, ParamSpec["shape"]> = {
  scalar: { kind: "scalar", types: [] },
  array: { kind: "array", items: [] },
  object: { kind: "object", properties: {}, open: true, additional: [] },
};
const param = (
  name: string,
  shape: ParamSpec["shape"] | Shorthand,
  style: ParamSpec["style"] = "form",
  explode = style === "form",
): ParamSpec => ({
  name,
  shape: typeof shape === "string" ? SHAPES[shape] : shape,
  style,
  explode,
});

describe("header parameters", () => {
  it("reads a lone * in Accept-Language (what fetch sends when the caller sets none) as absent: it matches anything", () => {
    const specs = [param("Accept-Language", "scalar", "simple"), param("X-Tag", "scalar", "simple")];
    expect(readHeaders({ "accept-language": "*", "x-tag": "*" }, specs)).toEqual({ "X-Tag": "*" });
    expect(readHeaders({ "accept-language": "de" }, specs)).toEqual({ "Accept-Language": "de" });
  });
});

describe("query parameters", () => {
  it("undoes each array style", () => {
    const specs = [
      param("a", "array"),
      param("b", "array", "form", false),
      param("c", "array", "pipeDelimited"),
      param("d", "array", "spaceDelimited"),
    ];
    expect(readQuery("a=1&a=2&b=x,y&c=p|q&d=m%20n", specs, false)).toEqual({
      a: ["1", "2"],
      b: ["x", "y"],
      c: ["p", "q"],
      d: ["m", "n"],
    });
  });

  it("splits arrays of JSON items only outside the items' brackets and strings, then reads each item", () => {
    const objects = param("o", { kind: "array", items: ["json"] }, "form", false);
    const raw = readQuery(`o=${encodeURIComponent('{"a":"x,}","b":[1,2]},[3],plain')}`, [objects], false);
    expect(raw).toEqual({ o: ['{"a":"x,}","b":[1,2]}', "[3]", "plain"] });
    expect(coerceParams(raw, [objects], "query").values).toEqual({ o: [{ a: "x,}", b: [1, 2] }, [3], "plain"] });
    expect(candidates("{not json", ["json", "string"])).toEqual(["{not json"]);
  });

  it("reads deepObject and free-form objects", () => {
    expect(readQuery("filter[name]=rex&filter[age]=3", [param("filter", "object", "deepObject", true)], false)).toEqual(
      { filter: { name: "rex", age: "3" } },
    );
    expect(readQuery("x=1&y=2", [param("rest", "object")], false)).toEqual({ rest: { x: "1", y: "2" } });
  });

  it("keeps request-chosen keys such as __proto__ and constructor as plain keys of objects without a prototype", () => {
    const deep = readQuery(
      "filter[__proto__]=x&filter[constructor]=y",
      [param("filter", "object", "deepObject", true)],
      false,
    ).filter as Record<string, unknown>;
    expect(Object.getPrototypeOf(deep)).toBeNull();
    expect(Object.keys(deep)).toEqual(["__proto__", "constructor"]);
    expect(deep["__proto__"]).toBe("x");
    const free = readQuery("__proto__=1&toString=2", [param("rest", "object")], false).rest as Record<string, unknown>;
    expect(Object.keys(free)).toEqual(["__proto__", "toString"]);
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
  });

  it("reports unknown parameters by name unless allowed", () => {
    let problem: unknown;
    try {
      readQuery("species=cat&colour=red", [param("species", "scalar")], false);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(HttpProblem);
    expect((problem as HttpProblem).errors).toEqual([
      { field: "query.colour", code: "unknown_parameter", message: expect.stringContaining("colour") },
    ]);
    expect(readQuery("species=cat&colour=red", [param("species", "scalar")], true)).toEqual({ species: "cat" });
    expect(readQuery("species=cat&api_key=k", [param("species", "scalar")], false, new Set(["api_key"]))).toEqual({
      species: "cat",
    });
  });
});

describe("other locations", () => {
  it("splits simple-style headers and path values", () => {
    expect(
      readHeaders({ "x-tags": "a,b", "x-one": "v" }, [
        param("x-tags", "array", "simple"),
        param("x-one", "scalar", "simple"),
      ]),
    ).toEqual({ "x-tags": ["a", "b"], "x-one": "v" });
    expect(readPath({ ids: "1,2,3" }, [param("ids", "array", "simple")])).toEqual({ ids: ["1", "2", "3"] });
    expect(readPath({ ids: ".1.2" }, [param("ids", "array", "label", true)])).toEqual({ ids: ["1", "2"] });
  });

  it("parses cookies, first one wins, quotes and escapes removed", () => {
    const jar = parseCookieHeader('session=abc; theme="dark%20blue"; session=shadow; broken');
    expect(jar.get("session")).toBe("abc");
    expect(jar.get("theme")).toBe("dark blue");
    expect(jar.has("broken")).toBe(false);
  });
});

describe("coercion by shape", () => {
  it("reads a string only as the types the schema allows, string first in a union", () => {
    expect(candidates("1", ["string", "integer"])).toEqual(["1", 1]);
    expect(candidates("1.5", ["integer"])).toEqual(["1.5"]);
    expect(candidates("true", ["boolean"])).toEqual([true]);
    expect(candidates("true", [])).toEqual(["true"]);
    expect(candidates("", ["integer", "null"])).toEqual([null]);
  });

  it("tries a union's other readings when the first fails validation", () => {
    const specs = [param("size", { kind: "scalar", types: ["string", "integer"] })];
    const coerced = coerceParams({ size: "5" }, specs, "query");
    expect(firstValid(coerced, (values) => typeof values.size === "number")).toBe(true);
    expect(coerced.values).toEqual({ size: 5 });
  });

  it("parses JSON parameters and names the one that is not JSON", () => {
    const specs = [param("filter", { kind: "json", mediaType: "application/json" })];
    expect(coerceParams({ filter: '{"a":[1]}' }, specs, "query").values).toEqual({ filter: { a: [1] } });
    expect(coerceParams({ filter: "{" }, specs, "query").errors).toEqual([
      { field: "query.filter", code: "malformed_json", message: expect.any(String) },
    ]);
  });
});
