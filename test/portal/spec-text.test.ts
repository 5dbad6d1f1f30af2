import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { serializeSpec, specChunks, writeSpecFile } from "../../portal/spec-text.js";

// What the downloads were before they were written piece by piece: the whole document serialised at once.
const whole = {
  json: (spec: unknown) => JSON.stringify(spec, null, 2) + "\n",
  yaml: (spec: unknown) => stringify(spec, { aliasDuplicateObjects: false, lineWidth: 0 }),
};

const shared = { type: "string", description: "used twice" };
const tricky = {
  openapi: "3.1.0",
  info: {
    title: "Tricky: strings YAML must quote",
    description: "First line\n\n  indented line\nreset.\u2028  after a line separator\r\n  after a CR\n",
    version: "1.0",
    "x-empty": {},
    "x-undefined": undefined,
  },
  paths: {
    "/items/{id}": {
      get: {
        summary: "? looks like a key",
        parameters: [{ name: "id", in: "path", schema: shared }],
        responses: { "200": { description: "---\ndocument marker inside", content: {} } },
      },
    },
    "/empty": {},
  },
  components: {
    schemas: {
      A: shared,
      B: { allOf: [{ $ref: "#/components/schemas/A" }], nested: { deeper: { deepest: [1, null, true] } } },
    },
    ["k".repeat(1100)]: { long: "key" },
    "multi\nline key": { a: 1 },
  },
  tags: [],
};

describe("spec text", () => {
  it.each(["json", "yaml"] as const)("joins to the %s the whole document serialises to", (format) => {
    expect(serializeSpec(tricky, format)).toBe(whole[format](tricky));
    expect([...specChunks(tricky, format)].length).toBeGreaterThan(5);
  });

  it.each(["json", "yaml"] as const)("serialises a document with no members as the whole one does (%s)", (format) => {
    expect(serializeSpec({}, format)).toBe(whole[format]({}));
  });

  it("writes the same text to a file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "spec-text-"));
    try {
      for (const format of ["json", "yaml"] as const) {
        const file = join(dir, `openapi.${format}`);
        await writeSpecFile(file, tricky, format);
        expect(await readFile(file, "utf8")).toBe(whole[format](tricky));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("rejects when the file cannot be written", async () => {
    await expect(writeSpecFile(join(tmpdir(), "no-such-dir-spec-text", "x.json"), tricky, "json")).rejects.toThrow(
      /ENOENT/,
    );
  });
});
