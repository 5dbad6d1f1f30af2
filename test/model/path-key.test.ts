// Path keys with a `#`/`?` suffix split into the real path and the discriminator, as the corpus specs write them.
import { describe, expect, it } from "vitest";
import { carriedInQuery, splitPathKey } from "../../generator/model/path-key.js";

const header = (rawName: string) => ({ rawName, in: "header" });
const query = (rawName: string) => ({ rawName, in: "query" });

describe("splitPathKey", () => {
  it("leaves a plain path alone", () => {
    expect(splitPathKey("/pets/{id}", [])).toEqual({ path: "/pets/{id}", discriminator: null });
  });

  it("AWS JSON protocol: a declared header (any case) becomes a header constant", () => {
    expect(splitPathKey("/#X-Amz-Target=Svc.Op", [header("x-amz-target")])).toEqual({
      path: "/",
      discriminator: { query: [], headers: [{ name: "X-Amz-Target", value: "Svc.Op" }] },
    });
  });

  it("AWS query protocol and undeclared names after # are query values (`#Action=X`, `#overload=stream`)", () => {
    expect(splitPathKey("/#Action=AssumeRole&Version=2011-06-15", [query("Action")]).discriminator).toEqual({
      query: [
        { name: "Action", value: "AssumeRole" },
        { name: "Version", value: "2011-06-15" },
      ],
      headers: [],
    });
    expect(splitPathKey("/analyze#overload=stream", [])).toEqual({
      path: "/analyze",
      discriminator: { query: [{ name: "overload", value: "stream" }], headers: [] },
    });
  });

  it("S3: bare names must be present; a declared header name is a header (`#x-amz-copy-source&partNumber`)", () => {
    expect(
      splitPathKey("/{Bucket}/{Key}#x-amz-copy-source&partNumber&uploadId", [
        header("x-amz-copy-source"),
        query("partNumber"),
        query("uploadId"),
      ]),
    ).toEqual({
      path: "/{Bucket}/{Key}",
      discriminator: {
        query: [{ name: "partNumber" }, { name: "uploadId" }],
        headers: [{ name: "x-amz-copy-source" }],
      },
    });
  });

  it("after ?, every name is a query parameter, even one also declared as a header", () => {
    expect(splitPathKey("/jobs?op=LISTAFTERID", [header("op")]).discriminator).toEqual({
      query: [{ name: "op", value: "LISTAFTERID" }],
      headers: [],
    });
  });

  it("a `{name}` value is the query parameter of that name; any other template leaves the key verbatim", () => {
    expect(splitPathKey("/search/articles?query={query}", [query("query")]).discriminator).toEqual({
      query: [{ name: "query" }],
      headers: [],
    });
    expect(
      splitPathKey("/alerts?lat={lat}&lon={lon}", [
        { rawName: "lat", in: "path" },
        { rawName: "lon", in: "path" },
      ]),
    ).toEqual({ path: "/alerts?lat={lat}&lon={lon}", discriminator: null });
  });

  it("path parameters a query template carries (weatherbit, icons8) are named; a template naming nothing declared is dropped", () => {
    const declared = [
      { rawName: "lat", in: "path" },
      { rawName: "lon", in: "path" },
      { rawName: "id", in: "path" },
      { rawName: "q", in: "query" },
    ];
    expect([...carriedInQuery("/alerts/{id}?lat={lat}&lon={lon}&id={id}&q={q}#lat={lat}", declared)]).toEqual([
      "lat",
      "lon",
    ]);
    expect(carriedInQuery("/users/pic?key={APIKEY}", [{ rawName: "APIKEY", in: "path" }]).size).toBe(0);
    expect(splitPathKey("/latest?term={term}&amount={amount}", [query("amount")])).toEqual({
      path: "/latest",
      discriminator: { query: [{ name: "amount" }], headers: [] },
    });
  });

  it("percent-encoded names and values are decoded; empty parts and a bare # are ignored", () => {
    expect(splitPathKey("/x#a%20b=c%2Fd&&", [])).toEqual({
      path: "/x",
      discriminator: { query: [{ name: "a b", value: "c/d" }], headers: [] },
    });
    expect(splitPathKey("/x#", [])).toEqual({ path: "/x", discriminator: null });
  });
});
