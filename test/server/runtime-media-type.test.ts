import { describe, expect, it } from "vitest";
import { bodyKindOf, matchDeclaredMediaType } from "../../templates/runtime/server/media-type.js";

describe("declared media type matching (RFC 9110 §12.5.1 precedence)", () => {
  const declared = ["*/*", "application/*", "application/vnd.api+json", "application/vnd.api+json; type=two"];

  it("picks the most specific declared range the sent type falls under", () => {
    expect(matchDeclaredMediaType("application/vnd.api+json; type=two; charset=utf-8", declared)).toBe(
      "application/vnd.api+json; type=two",
    );
    expect(matchDeclaredMediaType("Application/VND.api+json", declared)).toBe("application/vnd.api+json");
    expect(matchDeclaredMediaType("application/vnd.api+json; type=three", declared)).toBe("application/vnd.api+json");
    expect(matchDeclaredMediaType("application/xml", declared)).toBe("application/*");
    expect(matchDeclaredMediaType("text/csv", declared)).toBe("*/*");
    expect(matchDeclaredMediaType("text/csv", ["application/*"])).toBeUndefined();
    expect(matchDeclaredMediaType("not a media type", declared)).toBeUndefined();
  });

  it("reads each sent type by its kind", () => {
    expect(
      [
        "application/problem+json",
        "application/x-www-form-urlencoded",
        "text/plain; charset=utf-8",
        "multipart/form-data; boundary=x",
        "image/png",
      ].map(bodyKindOf),
    ).toEqual(["json", "form", "text", "multipart", "binary"]);
  });
});
