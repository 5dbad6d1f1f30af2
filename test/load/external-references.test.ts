// Hostile references (issue 11 items 1-2, 8; issue 13 item 7): no file outside the spec's folder and no URL is read
// unless checked, whatever member names it ($ref, externalValue, discriminator mapping), however it is spelt
// (percent-encoding, escaped keys, YAML aliases). Each vector is tried on loadSpec/bundleSpec, and through the CLI.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleSpec, loadSpec, SpecLoadError, type LoadOptions } from "../../generator/load/index.js";
import { runCli, runCliAsync, STACK_FRAME } from "../cli/run-cli.js";
import { writeSpecFiles } from "./temp-spec.js";

const SECRET = "SECRET-OUTSIDE-THE-FOLDER";
const DECOY = "DECOY-INSIDE-THE-FOLDER";

/** A temp folder holding `secret.yaml` and, beside it, the spec folder `spec/` whose root is `spec/openapi.json`. */
interface Layout {
  dir: string;
  root: string;
  secret: string;
}

/**
 * A spec with one ordinary `$ref` to another file (so Redocly's bundler runs), plus the given media-type members
 * and component schemas; `other` is the text of that other file.
 */
function layout(
  options: {
    mediaType?: (secret: string) => object;
    schemas?: (secret: string) => object;
    links?: (secret: string) => object;
    other?: string;
    otherName?: string;
  } = {},
): Layout {
  const otherName = options.otherName ?? "other.yaml";
  const dir = writeSpecFiles({
    "secret.yaml": `type: string\ndescription: ${SECRET}\n`,
    [`spec/${otherName}`]: options.other ?? "Thing:\n  type: string\n",
  });
  const secret = join(dir, "secret.yaml");
  const document = {
    openapi: "3.0.3",
    info: { title: "T", version: "1.0.0" },
    paths: {
      "/things": {
        get: {
          operationId: "listThings",
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": { schema: { $ref: `./${otherName}#/Thing` }, ...options.mediaType?.(secret) },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: options.schemas?.(secret) ?? {},
      ...(options.links ? { links: options.links(secret) } : {}),
    },
  };
  const root = join(dir, "spec", "openapi.json");
  writeFileSync(root, JSON.stringify(document, null, 2));
  return { dir, root, secret };
}

/** The bundled document as text, or the load error. */
async function loadAndBundle(root: string, options: LoadOptions = {}): Promise<{ text?: string; error?: unknown }> {
  try {
    return { text: JSON.stringify(await bundleSpec(await loadSpec(root, options))) };
  } catch (error) {
    return { error };
  }
}

function expectRefused(outcome: { text?: string; error?: unknown }, file: string, message: RegExp): SpecLoadError {
  expect(outcome.text ?? "").not.toContain(SECRET);
  expect(outcome.error).toBeInstanceOf(SpecLoadError);
  const error = outcome.error as SpecLoadError;
  expect(error.message).toMatch(message);
  expect(error.file).toBe(file);
  expect(error.line).toBeGreaterThan(1);
  return error;
}

/** Every file `specwright generate --client --server` wrote, concatenated. */
function generatedText(out: string): string {
  return ["openapi.json", "mock.ts", "types.ts", "client.ts", "server.ts"]
    .map((name) => readFileSync(join(out, name), "utf8"))
    .join("\n");
}

const climbing = (secret: string) => "../".repeat(12) + secret.slice(1);

const REFUSED: Array<{ name: string; spec: () => Layout; file?: (l: Layout) => string; message: RegExp }> = [
  {
    name: "examples.*.externalValue as an absolute path",
    spec: () => layout({ mediaType: (secret) => ({ examples: { leak: { externalValue: secret } } }) }),
    message: /externalValue leaves the spec's folder/,
  },
  {
    name: "examples.*.externalValue climbing out with ../",
    spec: () => layout({ mediaType: (secret) => ({ examples: { leak: { externalValue: climbing(secret) } } }) }),
    message: /externalValue leaves the spec's folder/,
  },
  {
    name: "a discriminator mapping value that is a file path",
    spec: () =>
      layout({
        schemas: () => ({
          Dog: { type: "object" },
          Pet: {
            oneOf: [{ $ref: "#/components/schemas/Dog" }],
            discriminator: { propertyName: "kind", mapping: { dog: "../secret.yaml" } },
          },
        }),
      }),
    message: /discriminator mapping leaves the spec's folder/,
  },
  {
    name: "a link's operationRef (never followed, but kept inside the folder like every local reference)",
    spec: () => layout({ links: () => ({ next: { operationRef: "../secret.yaml#/paths/~1things/get" } }) }),
    message: /operationRef leaves the spec's folder/,
  },
  {
    name: 'a YAML key escaped as "\\x24ref" in a file without a plain external $ref',
    spec: () =>
      layout({ other: 'Thing:\n  type: object\n  properties:\n    leak: { "\\x24ref": "../secret.yaml" }\n' }),
    file: (l) => join(dirname(l.root), "other.yaml"),
    message: /\$ref leaves the spec's folder/,
  },
  {
    name: 'a JSON key escaped as "\\u0024ref"',
    spec: () =>
      layout({
        otherName: "other.json",
        other:
          '{\n  "Thing": {\n    "type": "object",\n    "properties": { "leak": { "\\u0024ref": "../secret.yaml" } }\n  }\n}\n',
      }),
    file: (l) => join(dirname(l.root), "other.json"),
    message: /\$ref leaves the spec's folder/,
  },
  {
    name: "a $ref key reached through a YAML alias",
    spec: () =>
      layout({ other: "key: &key $ref\nThing:\n  type: object\n  properties:\n    leak: { *key : ../secret.yaml }\n" }),
    file: (l) => join(dirname(l.root), "other.yaml"),
    message: /\$ref leaves the spec's folder/,
  },
];

describe("a reference that leaves the spec's folder", () => {
  it.each(REFUSED)("is refused at its place: $name", async ({ spec, file, message }) => {
    const l = spec();
    expectRefused(await loadAndBundle(l.root), file?.(l) ?? l.root, message);
  });

  it("is refused by `specwright lint` and `generate` with exit 2, file:line:col and the fix, and nothing is written", () => {
    for (const { name, spec, message } of REFUSED) {
      const l = spec();
      const lint = runCli(["lint", l.root], { cwd: l.dir });
      expect(lint.code, name).toBe(2);
      expect(lint.stderr, name).toMatch(
        /^error: spec\/other\.(yaml|json):\d+:\d+: |^error: spec\/openapi\.json:\d+:\d+: /,
      );
      expect(lint.stderr, name).toMatch(message);
      expect(lint.stderr, name).toMatch(/fix: keep referenced files inside /);
      expect(lint.stderr + lint.stdout, name).not.toMatch(STACK_FRAME);
      expect(lint.stderr + lint.stdout, name).not.toContain(SECRET);
      const out = join(l.dir, "out");
      const generate = runCli(["generate", l.root, "--client", "--server", "--no-conventions", "-o", out], {
        cwd: l.dir,
      });
      expect(generate.code, name).toBe(2);
      expect(generate.stderr, name).toMatch(message);
      expect(existsSync(out), name).toBe(false);
    }
  });
});

describe("a percent-encoded $ref with a decoy inside the folder", () => {
  // The loader decodes `a%2Fa%2F…` into 30 folders and climbs back out of them to the decoy; a bundler that read
  // the raw text would see one folder name, climb to `/` and read the real file.
  function decoyLayout(): Layout {
    const l = layout({
      schemas: (secret) => ({
        Leak: { $ref: `${Array(30).fill("a").join("%2F")}/${"../".repeat(30)}${secret.slice(1)}` },
      }),
    });
    const decoy = join(dirname(l.root), l.secret.slice(1));
    mkdirSync(dirname(decoy), { recursive: true });
    writeFileSync(decoy, `type: string\ndescription: ${DECOY}\n`);
    return l;
  }

  it("reads the file the check admitted, not the one the raw text names", async () => {
    const { text, error } = await loadAndBundle(decoyLayout().root);
    expect(error).toBeUndefined();
    expect(text).toContain(DECOY);
    expect(text).not.toContain(SECRET);
  });

  it("generates openapi.json and mock.ts from the decoy", () => {
    const l = decoyLayout();
    const out = join(l.dir, "out");
    const generate = runCli(["generate", l.root, "--client", "--server", "--no-conventions", "-o", out], {
      cwd: l.dir,
    });
    expect(generate.code, generate.stderr).toBe(0);
    expect(readFileSync(join(out, "openapi.json"), "utf8")).toContain(DECOY);
    expect(generatedText(out)).not.toContain(SECRET);
  });
});

describe("a fragment that is not a JSON pointer", () => {
  it.each([
    { ref: "#components/schemas/Dog", fix: '"#/components/schemas/Dog"' },
    { ref: "./other.yaml#Thing", fix: '"./other.yaml#/components/schemas/Thing"' },
  ])("is a located load error with the fix: $ref", async ({ ref, fix }) => {
    const l = layout({ schemas: () => ({ Dog: { type: "object" }, Pet: { $ref: ref } }) });
    const { error } = await loadAndBundle(l.root);
    expect(error).toBeInstanceOf(SpecLoadError);
    const loadError = error as SpecLoadError;
    expect(loadError.message).toBe(`$ref ${JSON.stringify(ref)}: the part after "#" is not a JSON pointer`);
    expect(loadError.fix).toContain(fix);
    expect(readFileSync(l.root, "utf8").split("\n")[loadError.line - 1]).toContain(`"$ref": ${JSON.stringify(ref)}`);
  });

  it("makes `specwright lint` exit 2 with file:line:col, not an internal error", () => {
    const dir = writeSpecFiles({
      "openapi.yaml":
        "openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\ncomponents:\n  schemas:\n    Dog: { type: object }\n    Pet:\n      $ref: '#components/schemas/Dog'\n",
    });
    const lint = runCli(["lint", "openapi.yaml"], { cwd: dir });
    expect(lint.code).toBe(2);
    expect(lint.stderr).toContain(
      'error: openapi.yaml:8:7: $ref "#components/schemas/Dog": the part after "#" is not a JSON pointer',
    );
    expect(lint.stderr).toContain(
      'fix: write the fragment as a JSON pointer, which starts with "/" (e.g. "#/components/schemas/Dog")',
    );
    expect(lint.stderr + lint.stdout).not.toMatch(/internal error/);
  });
});

describe("a URL in externalValue or a mapping, without --allow-remote-refs", () => {
  const REPLY = "REPLY-FROM-A-HOSTILE-PEER";
  let server: Server;
  let requests = 0;
  let url = "";

  beforeAll(async () => {
    server = createServer((_request, response) => {
      requests++;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ type: "string", description: REPLY }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const externalValue = () => layout({ mediaType: () => ({ examples: { remote: { externalValue: url } } }) });
  const singleFile = () => {
    const dir = writeSpecFiles({});
    const root = join(dir, "openapi.json");
    const media = { schema: { type: "string" }, examples: { remote: { externalValue: url } } };
    const get = {
      operationId: "listThings",
      responses: { "200": { description: "ok", content: { "application/json": media } } },
    };
    writeFileSync(
      root,
      JSON.stringify({ openapi: "3.0.3", info: { title: "T", version: "1.0.0" }, paths: { "/things": { get } } }),
    );
    return { dir, root };
  };

  it.each([
    { name: "multi-file", spec: externalValue },
    { name: "single-file", spec: singleFile },
  ])("makes no request and leaves the URL as written ($name), even with --allow-remote-refs", async ({ spec }) => {
    requests = 0;
    for (const options of [{}, { allowRemoteRefs: true }]) {
      const { text, error } = await loadAndBundle(spec().root, options);
      expect(error).toBeUndefined();
      expect(text).toContain(JSON.stringify({ externalValue: url }));
      expect(text).not.toContain(REPLY);
    }
    expect(requests).toBe(0);
  });

  it("leaves a mapping to a URL, or to a missing file, as written, without a request", async () => {
    requests = 0;
    const mapping = { remote: url, stale: "models/missing.yml#/Dog" };
    const l = layout({
      schemas: () => ({
        Dog: { type: "object" },
        Pet: { oneOf: [{ $ref: "#/components/schemas/Dog" }], discriminator: { propertyName: "kind", mapping } },
      }),
    });
    const { text, error } = await loadAndBundle(l.root);
    expect(error).toBeUndefined();
    expect(text).toContain(JSON.stringify(mapping));
    expect(requests).toBe(0);
  });

  it("with --allow-remote-refs, fetches a remote $ref once, by the loader, and bundles it", async () => {
    requests = 0;
    const l = layout({ schemas: () => ({ Remote: { $ref: url } }) });
    const { text, error } = await loadAndBundle(l.root, { allowRemoteRefs: true });
    expect(error).toBeUndefined();
    expect(text).toContain(REPLY);
    expect(requests).toBe(1);
  });

  it("makes no request from `lint`, `diff` or `generate`, and generate's openapi.json and mock.ts hold no reply", async () => {
    requests = 0;
    for (const { dir, root } of [externalValue(), singleFile()]) {
      const lint = await runCliAsync(["lint", root], { cwd: dir });
      expect(lint.code, lint.stderr).not.toBe(2);
      const diff = await runCliAsync(["diff", root, root], { cwd: dir });
      expect(diff.code, diff.stderr).toBe(0);
      const out = join(dir, "out");
      const generate = await runCliAsync(["generate", root, "--client", "--server", "--no-conventions", "-o", out], {
        cwd: dir,
      });
      expect(generate.code, generate.stderr).toBe(0);
      expect(readFileSync(join(out, "openapi.json"), "utf8")).toContain(url);
      expect(generatedText(out)).not.toContain(REPLY);
    }
    expect(requests).toBe(0);
  });
});
