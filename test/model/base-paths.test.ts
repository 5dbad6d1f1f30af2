import { describe, expect, it } from "vitest";
import { basePathsOf, MAX_BASE_PATHS } from "../../generator/model/base-paths.js";

const enumOf = (values: string[]) => ({ default: values[0] ?? "", enum: values });

describe("basePathsOf", () => {
  it("puts the defaults first, then every other combination of enum values, once each", () => {
    const served = basePathsOf({
      url: "https://{host}/api/{version}/{name}",
      variables: { host: enumOf(["a.example", "b.example"]), version: enumOf(["v1", "v2"]), name: { default: "jobs" } },
    });
    expect(served).toEqual({ paths: ["/api/v1/jobs", "/api/v2/jobs"], warning: undefined });
  });

  it("keeps a default outside the enum, drops undeclared variables and a server without a path", () => {
    expect(
      basePathsOf({ url: "/api/{version}:{name}", variables: { version: { default: "beta", enum: ["v1"] } } }).paths,
    ).toEqual(["/api/beta:", "/api/v1:"]);
    expect(basePathsOf({ url: "https://example.com", variables: {} }).paths).toEqual([""]);
    expect(basePathsOf(undefined).paths).toEqual([""]);
  });

  it(`serves the defaults only, with a warning, beyond ${MAX_BASE_PATHS} base paths`, () => {
    const variables = Object.fromEntries(["a", "b", "c", "d", "e", "f"].map((name) => [name, enumOf(["0", "1"])]));
    const served = basePathsOf({ url: "/{a}/{b}/{c}/{d}/{e}/{f}", variables });
    expect(served.paths).toEqual(["/0/0/0/0/0/0"]);
    expect(served.warning).toBe(
      `server URL "/{a}/{b}/{c}/{d}/{e}/{f}": its variables' values give 64 distinct paths (more than 32 base paths); the server is generated for the defaults only ("/0/0/0/0/0/0"); pass createRouter's basePath option to serve others`,
    );
  });
});
