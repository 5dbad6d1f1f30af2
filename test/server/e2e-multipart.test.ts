// multipart/form-data bodies in a generated server, over HTTP (issue 13): parts read by busboy under the router's
// limits (413 past them), file properties (3.0 `format: binary`, 3.1 `contentMediaType`) handed over as uploads,
// the `encoding` object honoured (JSON parts parsed, a file part's allowed media types), the whole validated by
// the schema (400), a malformed body a 400, never a 500.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawCall, serveSpecText, typecheck } from "./e2e-harness.js";
import type { ServedSpec } from "./e2e-harness.js";

const SPEC = (openapi: string) => `
openapi: ${openapi}
info: { title: Uploads, version: 1.0.0 }
paths:
  /uploads:
    post:
      operationId: upload
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              additionalProperties: false
              required: [title, avatar]
              properties:
                title: { type: string, maxLength: 10 }
                count: { type: integer }
                tags: { type: array, items: { type: string } }
                meta: { type: object, required: [k], properties: { k: { type: string } } }
                avatar: ${openapi.startsWith("3.0") ? "{ type: string, format: binary }" : "{ contentMediaType: image/png }"}
                attachments: { type: array, maxItems: 2, items: { type: string, format: binary } }
            encoding:
              avatar: { contentType: "image/png, image/jpeg" }
      responses:
        "200": { description: echo, content: { application/json: { schema: { type: object } } } }
`;

type Served = ServedSpec & { errors: unknown[] };

async function serve(name: string, openapi: string): Promise<Served> {
  const errors: unknown[] = [];
  const describeUpload = (upload: { filename?: string; mimeType: string; size: number; data: Buffer }) => ({
    filename: upload.filename,
    mimeType: upload.mimeType,
    size: upload.size,
    text: upload.data.toString("utf8"),
  });
  const echo = (_op: string, { body }: Record<string, unknown>) => {
    const { avatar, attachments, ...fields } = body as Record<string, any>;
    return {
      status: 200,
      body: {
        ...fields,
        avatar: describeUpload(avatar),
        ...(attachments === undefined ? {} : { attachments: attachments.map(describeUpload) }),
      },
    };
  };
  const logger = { error: (_message: string, details: Record<string, unknown>) => errors.push(details) };
  const served = await serveSpecText(name, SPEC(openapi), echo, {
    logger,
    multipart: { files: 4, fileSize: 100, totalSize: 2_000, fields: 5 },
  });
  return { ...served, errors };
}

const png = (text = "PNG") => new Blob([text], { type: "image/png" });

function form(entries: [string, string | Blob, string?][]): FormData {
  const data = new FormData();
  for (const [name, value, filename] of entries) {
    if (typeof value === "string") data.append(name, value);
    else data.append(name, value, filename);
  }
  return data;
}

/** A request whose body is written as given (fetch would always send well-formed multipart). */
function sendRaw(
  url: string,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/uploads`,
      {
        method: "POST",
        headers: { "content-type": contentType, "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe.each([
  ["3.1.0", "multipart31"],
  ["3.0.3", "multipart30"],
])("multipart/form-data bodies (OpenAPI %s)", (openapi, name) => {
  let served: Served | undefined;
  beforeAll(async () => {
    served = await serve(name, openapi);
  }, 120_000);
  afterAll(async () => {
    expect(served?.errors).toEqual([]); // nothing reached the 500 path
    await served?.close();
  });
  const post = (data: FormData) => rawCall(`${served?.url ?? ""}/uploads`, { method: "POST", body: data });

  it("hands file properties over as uploads, coerces text fields by the schema and parses JSON parts", async () => {
    const data = form([
      ["title", "héllo"],
      ["count", "3"],
      ["tags", "a"],
      ["tags", "b"],
      ["meta", '{"k":"v"}'],
      ["avatar", png(), "me.png"],
      ["attachments", new Blob(["one"]), "1.txt"],
      ["attachments", new Blob(["two!"]), "2.txt"],
    ]);
    const answer = await post(data);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      title: "héllo",
      count: 3,
      tags: ["a", "b"],
      meta: { k: "v" },
      avatar: { filename: "me.png", mimeType: "image/png", size: 3, text: "PNG" },
      attachments: [
        { filename: "1.txt", mimeType: "application/octet-stream", size: 3, text: "one" },
        { filename: "2.txt", mimeType: "application/octet-stream", size: 4, text: "two!" },
      ],
    });
  });

  it("reads a JSON part sent as a Blob (which browsers name a file) as its field's JSON", async () => {
    const answer = await post(
      form([
        ["title", "t"],
        ["meta", new Blob(['{"k":"w"}'], { type: "application/json" }), "blob"],
        ["avatar", png(), "a.png"],
      ]),
    );
    expect([answer.status, answer.body.meta]).toEqual([200, { k: "w" }]);
    const single = await post(
      form([
        ["title", "t"],
        ["avatar", png(), "a.png"],
        ["attachments", new Blob(["x"]), "x.bin"],
      ]),
    );
    expect(single.body.attachments).toEqual([
      { filename: "x.bin", mimeType: "application/octet-stream", size: 1, text: "x" },
    ]);
  });

  it("refuses what the schema forbids with a 400 naming the field", async () => {
    const missing = await post(form([["title", "t"]]));
    expect([missing.status, missing.body.errors]).toEqual([
      400,
      [expect.objectContaining({ field: "avatar", code: "missing_field" })],
    ]);
    const long = await post(
      form([
        ["title", "far too long a title"],
        ["avatar", png(), "a.png"],
      ]),
    );
    expect([long.status, long.body.errors[0].field, long.body.errors[0].code]).toEqual([400, "title", "too_long"]);
    const notNumber = await post(
      form([
        ["title", "t"],
        ["count", "three"],
        ["avatar", png(), "a.png"],
      ]),
    );
    expect([notNumber.status, notNumber.body.errors[0].field]).toEqual([400, "count"]);
    const badJson = await post(
      form([
        ["title", "t"],
        ["meta", "{nope"],
        ["avatar", png(), "a.png"],
      ]),
    );
    expect([badJson.status, badJson.body.errors[0].field, badJson.body.errors[0].code]).toEqual([
      400,
      "meta",
      "malformed_json",
    ]);
    const unknown = await post(
      form([
        ["title", "t"],
        ["avatar", png(), "a.png"],
        ["extra", "x"],
      ]),
    );
    expect([unknown.status, unknown.body.errors[0].field, unknown.body.errors[0].code]).toEqual([
      400,
      "extra",
      "unknown_field",
    ]);
    const tooMany = await post(
      form([
        ["title", "t"],
        ["avatar", png(), "a.png"],
        ["attachments", new Blob(["1"]), "1"],
        ["attachments", new Blob(["2"]), "2"],
        ["attachments", new Blob(["3"]), "3"],
      ]),
    );
    expect([tooMany.status, tooMany.body.errors[0].field]).toEqual([400, "attachments"]);
  });

  it("refuses a file part of a media type its encoding does not allow with a 415 naming the field", async () => {
    const answer = await post(
      form([
        ["title", "t"],
        ["avatar", new Blob(["GIF"], { type: "image/gif" }), "a.gif"],
      ]),
    );
    expect([answer.status, answer.body.errors]).toEqual([
      415,
      [{ field: "avatar", code: "unsupported_media_type", message: "must be image/png or image/jpeg" }],
    ]);
    expect(
      (
        await post(
          form([
            ["title", "t"],
            ["avatar", new Blob(["JPG"], { type: "image/jpeg" }), "a.jpg"],
          ]),
        )
      ).status,
    ).toBe(200);
  });

  it("answers 413 past each limit: file size, file count, field count, total size", async () => {
    const bigFile = await post(
      form([
        ["title", "t"],
        ["avatar", png("x".repeat(101)), "a.png"],
      ]),
    );
    expect([bigFile.status, bigFile.body.code, bigFile.body.detail]).toEqual([
      413,
      "payload_too_large",
      expect.stringContaining("avatar"),
    ]);
    const files = await post(
      form([
        ["title", "t"],
        ["avatar", png(), "a.png"],
        ...[1, 2, 3, 4].map((n): [string, Blob, string] => ["attachments", new Blob(["x"]), `${n}`]),
      ]),
    );
    expect([files.status, files.body.detail]).toEqual([413, expect.stringContaining("more files")]);
    const fields = await post(
      form([
        ["title", "t"],
        ["avatar", png(), "a.png"],
        ...[1, 2, 3, 4, 5].map((n): [string, string] => ["tags", `${n}`]),
      ]),
    );
    expect([fields.status, fields.body.detail]).toEqual([413, expect.stringContaining("more fields")]);
    const total = await post(
      form([
        ["title", "t"],
        ["avatar", png(), "a.png"],
        ["tags", "y".repeat(2_100)],
      ]),
    );
    expect([total.status, total.body.code]).toEqual([413, "payload_too_large"]);
  });

  it("answers 400 for a body that is not well-formed multipart", async () => {
    const url = served?.url ?? "";
    const truncated = await sendRaw(
      url,
      "multipart/form-data; boundary=XX",
      '--XX\r\ncontent-disposition: form-data; name="title"\r\n\r\nabc',
    );
    expect([truncated.status, truncated.body.code]).toEqual([400, "malformed_multipart"]);
    const noBoundary = await sendRaw(url, "multipart/form-data", "--XX--\r\n");
    expect([noBoundary.status, noBoundary.body.code]).toEqual([400, "malformed_multipart"]);
    const gzipped = await sendRaw(url, "multipart/form-data; boundary=XX", "--XX--\r\n", {
      "content-encoding": "gzip",
    });
    expect([gzipped.status, gzipped.body.code]).toEqual([415, "unsupported_encoding"]);
  });
});

describe("multipart handler types", () => {
  it("types file properties as uploads in the generated handler request (strict-clean)", {
    timeout: 300_000,
  }, async () => {
    const served = await serve("multipart-types", "3.1.0");
    await served.close();
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      `${served.outDir}/uses-uploads.ts`,
      [
        'import type { UploadRequest } from "./server.js";',
        "export function sizes(request: UploadRequest): number {",
        "  const avatar: Buffer = request.body.avatar.data;",
        "  const attachments: number[] = (request.body.attachments ?? []).map((file) => file.size);",
        "  const title: string = request.body.title;",
        "  return avatar.length + attachments.length + title.length;",
        "}",
        "",
      ].join("\n"),
    );
    expect(await typecheck("multipart", [served.outDir], { exactOptionalPropertyTypes: true })).toBe("");
  });
});
