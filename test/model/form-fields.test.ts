// The fields of form and multipart bodies: which properties are files (3.0 `format: binary`, 3.1 `contentMediaType`
// / `contentEncoding`, also as array items), which parts are JSON (encoding, or an object without one in multipart).
import { describe, expect, it } from "vitest";
import { formFields } from "../../generator/model/param-shape.js";
import { RefResolver } from "../../generator/model/refs.js";

const refs = new RefResolver({ components: { schemas: { Picture: { type: "string", format: "binary" } } } });
const schema = {
  type: "object",
  properties: {
    title: { type: "string" },
    meta: { type: "object", properties: { k: { type: "string" } } },
    picture: { $ref: "#/components/schemas/Picture" },
    scans: { type: "array", items: { contentMediaType: "image/png" } },
    encoded: { type: "string", contentEncoding: "base64" },
  },
};

describe("formFields", () => {
  it("marks file properties and their allowed media types, and reads object parts as JSON in multipart", () => {
    const fields = formFields(refs, schema, { picture: { contentType: "image/png, image/*" } }, true);
    expect(
      Object.fromEntries(
        fields.map((field) => [
          field.name,
          { kind: field.shape.kind, file: field.file, contentTypes: field.contentTypes },
        ]),
      ),
    ).toEqual({
      title: { kind: "scalar", file: undefined, contentTypes: undefined },
      meta: { kind: "json", file: undefined, contentTypes: undefined },
      picture: { kind: "scalar", file: true, contentTypes: ["image/png", "image/*"] },
      scans: { kind: "array", file: true, contentTypes: undefined },
      encoded: { kind: "scalar", file: true, contentTypes: undefined },
    });
  });

  it("keeps a multipart object field whose encoding entry asks for a style (Stripe's deepObject) out of JSON", () => {
    const fields = formFields(refs, schema, { meta: { style: "deepObject", explode: true } }, true);
    expect(fields.find((field) => field.name === "meta")?.shape.kind).toBe("object");
  });

  it("keeps an urlencoded form's object field an exploded object and knows no files", () => {
    const fields = formFields(refs, schema, {}, false);
    expect(fields.find((field) => field.name === "meta")?.shape.kind).toBe("object");
    expect(fields.some((field) => field.file === true)).toBe(false);
  });
});
