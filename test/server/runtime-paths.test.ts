import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { comparePaths, compilePath } from "../../templates/runtime/server/paths.js";

describe("compilePath", () => {
  it("matches literal text literally: spec paths cannot inject pattern syntax", () => {
    expect(compilePath("/a.b/(x)/{id}").match("/a.b/(x)/7")).toEqual({ p0: "7" });
    expect(compilePath("/a.b/(x)/{id}").match("/aXb/(x)/7")).toBeUndefined();
    expect(compilePath("/files/*").match("/files/anything")).toBeUndefined();
  });

  it("matches literal text a URL percent-encodes (apisetu `/Your Pull DOC Request API Path`) as written or encoded", () => {
    const spaced = compilePath("/Your Pull DOC/{id}/é x");
    expect([
      spaced.match("/Your%20Pull%20DOC/7/%C3%A9%20x"),
      spaced.match("/Your%20Pull%20DOC/7/%c3%a9%20x"),
      spaced.match("/Your Pull DOC/7/é x"),
      spaced.match("/YourXPull%20DOC/7/%C3%A9%20x"),
    ]).toEqual([{ p0: "7" }, { p0: "7" }, { p0: "7" }, undefined]);
    expect(compilePath("/lone\uD800/{id}").match("/lone\uD800/1")).toEqual({ p0: "1" });
  });

  it("keeps each parameter inside its segment, ends it at the literal text that follows, allows a trailing slash", () => {
    const cancel = compilePath("/v1/{name}:cancel");
    expect([
      cancel.match("/v1/jobs%2Fj:cancel"),
      cancel.match("/v1/a/b:cancel"),
      cancel.match("/v1/x:cancel/"),
    ]).toEqual([{ p0: "jobs%2Fj" }, undefined, { p0: "x" }]);
    expect(compilePath("/p/{id}.{format}").match("/p/42.json")).toEqual({ p0: "42", p1: "json" });
    expect(compilePath("/").match("")).toEqual({});
  });

  it("splits adjacent parameters by the values one of them enumerates, as written or percent-encoded", () => {
    const item = compilePath("/items/{id}{ext}", (name) => (name === "ext" ? [".json", ".tar gz"] : undefined));
    expect(item.names).toEqual({ p0: "id", p1: "ext" });
    expect([item.match("/items/abc.json"), item.match("/items/a.tar%20gz"), item.match("/items/abc.zip")]).toEqual([
      { p0: "abc", p1: ".json" },
      { p0: "a", p1: ".tar%20gz" },
      undefined,
    ]);
  });

  it("splits a segment parted by literal text where the parameter holds one of its values, else at the first", () => {
    // tomtom.com: position "37.8328,-122.27669" holds the `.` that parts it from ext
    const geocode = compilePath("/reverseGeocode/{position}.{ext}", (name) =>
      name === "ext" ? ["json", "xml"] : undefined,
    );
    expect([
      geocode.match("/reverseGeocode/37.8328%2C-122.27669.xml"),
      geocode.match("/reverseGeocode/37.8328.yaml"),
    ]).toEqual([
      { p0: "37.8328%2C-122.27669", p1: "xml" },
      { p0: "37", p1: "8328.yaml" },
    ]);
  });

  it("compiles any template without throwing", () => {
    fc.assert(
      fc.property(fc.string(), (template) => {
        compilePath(`/${template}`).match("/x");
      }),
    );
  });
});

describe("comparePaths", () => {
  it("orders literal segments, then literal text with a template, then a pure template", () => {
    const paths = ["/v1/{name}", "/v1/{name}:cancel", "/v1/jobs", "/v1/{name}/runs", "/v1/jobs/{id}"];
    expect([...paths].sort(comparePaths)).toEqual([
      "/v1/jobs",
      "/v1/jobs/{id}",
      "/v1/{name}:cancel",
      "/v1/{name}",
      "/v1/{name}/runs",
    ]);
  });
});
