// Hostile input to the loader and the lint walk: each case ends in a clear SpecLoadError or a clean result.
// Outcomes are asserted, never timings; a case that hung or blew up would fail by the test timeout or the crash.
import { mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ALL_RULES, lintDocument, presetConfig } from "../../generator/conventions/index.js";
import { loadSpec, SpecLoadError, type LoadOptions } from "../../generator/load/index.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "specwright-hostile-"));
  dirs.push(dir);
  return dir;
}

function writeSpec(name: string, text: string, dir = tempDir()): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

async function loadFailure(path: string, options: LoadOptions = {}): Promise<SpecLoadError> {
  const outcome = await loadSpec(path, options).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof SpecLoadError))
    throw new Error(`expected a SpecLoadError, got ${outcome === undefined ? "a loaded document" : String(outcome)}`);
  return outcome;
}

const HEADER = '"openapi":"3.0.3","info":{"title":"T","version":"1.0.0"}';

describe("$ref bombs", () => {
  // 40 schemas, each referring twice to the next: fully expanded that is 2^40 nodes.
  const schemas = Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [
      `S${i}`,
      i === 39
        ? { type: "string" }
        : {
            type: "object",
            properties: {
              a: { $ref: `#/components/schemas/S${i + 1}` },
              b: { $ref: `#/components/schemas/S${i + 1}` },
            },
          },
    ]),
  );
  const paths = {
    "/bomb": {
      get: {
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/S0" } } },
          },
        },
      },
    },
  };

  it("loads and lints an exponentially expanding chain of $refs, visiting each schema once", async () => {
    const file = writeSpec(
      "bomb.json",
      JSON.stringify({ openapi: "3.0.3", info: { title: "T", version: "1.0.0" }, paths, components: { schemas } }),
    );
    const document = await loadSpec(file);
    const diagnostics = lintDocument(document, presetConfig("recommended", ALL_RULES));
    expect(diagnostics.filter((d) => /internal error/.test(d.message))).toEqual([]);
    // The rules report per schema, so a schema visited once per path to it would repeat its problems 2^n times.
    const perPointer = new Map<string, number>();
    for (const d of diagnostics)
      perPointer.set(`${d.ruleId} ${d.pointer}`, (perPointer.get(`${d.ruleId} ${d.pointer}`) ?? 0) + 1);
    expect(Math.max(0, ...perPointer.values())).toBeLessThanOrEqual(1);
  });

  it("loads a self-referencing and a mutually recursive schema", async () => {
    const file = writeSpec(
      "recursive.json",
      JSON.stringify({
        openapi: "3.0.3",
        info: { title: "T", version: "1.0.0" },
        paths: {},
        components: {
          schemas: {
            Node: {
              type: "object",
              properties: {
                next: { $ref: "#/components/schemas/Node" },
                other: { $ref: "#/components/schemas/Other" },
              },
            },
            Other: { allOf: [{ $ref: "#/components/schemas/Node" }] },
          },
        },
      }),
    );
    const document = await loadSpec(file);
    expect(
      lintDocument(document, presetConfig("recommended", ALL_RULES)).filter((d) => /internal error/.test(d.message)),
    ).toEqual([]);
  });

  it("refuses YAML alias bombs (billion laughs)", async () => {
    const lines = [
      "openapi: 3.0.3",
      "info: { title: T, version: 1.0.0 }",
      "paths: {}",
      "x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
    ];
    for (let i = 1; i < 12; i++)
      lines.push(
        `x-a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    const error = await loadFailure(writeSpec("laughs.yaml", lines.join("\n")));
    expect(error.message).toMatch(/YAML could not be expanded/);
  });
});

describe("10,000 levels of nesting", () => {
  const depth = 10_000;

  it("refuses deeply nested JSON schemas with the place where the limit was passed", async () => {
    const deep = '{"type":"object","properties":{"a":'.repeat(depth) + '{"type":"string"}' + "}}".repeat(depth);
    const error = await loadFailure(
      writeSpec("deep.json", `{${HEADER},"paths":{},"components":{"schemas":{"Deep":${deep}}}}`),
    );
    expect(error.message).toMatch(/^nests more than \d+ levels deep \(at \/components\/schemas\/Deep\/properties\/a\//);
    expect(error.fix).toMatch(/\$ref/);
  });

  it("refuses deeply nested JSON that is also malformed with a syntax error, not a stack overflow", async () => {
    const error = await loadFailure(writeSpec("deep-broken.json", `{${HEADER},"x":${"[".repeat(depth)}`));
    expect(error.message).toMatch(/JSON syntax error/);
  });

  it("refuses deeply nested YAML in flow style", async () => {
    const text = `openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\nx-deep: ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
    const error = await loadFailure(writeSpec("deep-flow.yaml", text));
    expect(error.message).toMatch(/nest/);
  });

  it("refuses deeply nested YAML in block style", async () => {
    const lines = ["openapi: 3.0.3", "info: { title: T, version: 1.0.0 }", "paths: {}", "x-deep:"];
    for (let i = 1; i <= depth; i++) lines.push(`${" ".repeat(i)}a:`);
    lines.push(`${" ".repeat(depth + 1)}end`);
    const error = await loadFailure(writeSpec("deep-block.yaml", lines.join("\n")));
    expect(error.message).toMatch(/nest/);
  });
});

describe("size limit", () => {
  it("refuses a 100 MB file by its size, naming the limit and how to raise it", async () => {
    const dir = tempDir();
    const file = join(dir, "huge.json");
    const fd = openSync(file, "w");
    const chunk = Buffer.alloc(1024 * 1024, " ");
    writeSync(fd, `{${HEADER},"paths":{},"x-pad":"`);
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    writeSync(fd, '"}');
    closeSync(fd);
    try {
      const error = await loadFailure(file);
      expect(error.message).toMatch(/^file is 100\.0 MiB, over the 64 MiB limit/);
      expect(error.fix).toMatch(/--max-file-size/);
    } finally {
      rmSync(file, { force: true });
    }
  });
});

describe("files outside the spec's folder", () => {
  it("refuses a $ref through a symlink that leads out of the folder, at the line of the $ref", async () => {
    const outside = tempDir();
    writeFileSync(join(outside, "secret.yaml"), "Secret: { type: string }\n");
    const dir = tempDir();
    mkdirSync(join(dir, "schemas"));
    symlinkSync(join(outside, "secret.yaml"), join(dir, "schemas", "pet.yaml"));
    const spec = writeSpec(
      "openapi.yaml",
      [
        "openapi: 3.0.3",
        "info: { title: T, version: 1.0.0 }",
        "paths: {}",
        "components:",
        "  schemas:",
        "    Pet: { $ref: './schemas/pet.yaml#/Secret' }",
      ].join("\n"),
      dir,
    );
    const error = await loadFailure(spec);
    expect(error.message).toMatch(/^\$ref leaves the spec's folder/);
    expect(error.line).toBe(6);
  });

  it("refuses a symlinked folder that leads out of the spec's folder", async () => {
    const outside = tempDir();
    writeFileSync(join(outside, "pet.yaml"), "Pet: { type: string }\n");
    const dir = tempDir();
    symlinkSync(outside, join(dir, "linked"));
    const spec = writeSpec(
      "openapi.yaml",
      [
        "openapi: 3.0.3",
        "info: { title: T, version: 1.0.0 }",
        "paths: {}",
        "components:",
        "  schemas:",
        "    Pet: { $ref: 'linked/pet.yaml#/Pet' }",
      ].join("\n"),
      dir,
    );
    expect((await loadFailure(spec)).message).toMatch(/^\$ref leaves the spec's folder/);
  });

  it("refuses absolute paths and file: URLs to system files", async () => {
    for (const ref of ["/etc/passwd", "../../../../../../etc/passwd"]) {
      const spec = writeSpec(
        "openapi.yaml",
        [
          "openapi: 3.0.3",
          "info: { title: T, version: 1.0.0 }",
          "paths: {}",
          "components:",
          "  schemas:",
          `    Pet: { $ref: '${ref}#/x' }`,
        ].join("\n"),
      );
      expect((await loadFailure(spec)).message).toMatch(/^\$ref leaves the spec's folder/);
    }
  });
});

describe("remote $refs", () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const specReferring = (url: string) =>
    writeSpec(
      "openapi.yaml",
      [
        "openapi: 3.0.3",
        "info: { title: T, version: 1.0.0 }",
        "paths: {}",
        "components:",
        "  schemas:",
        `    Pet: { $ref: '${url}#/Pet' }`,
      ].join("\n"),
    );

  it("refuses a remote $ref unless remote refs are allowed, without fetching it", async () => {
    let requests = 0;
    const base = await serve((_req, res) => {
      requests += 1;
      res.end("Pet: { type: string }\n");
    });
    const error = await loadFailure(specReferring(`${base}/pet.yaml`));
    expect(error.message).toMatch(/^remote \$ref refused/);
    expect(requests).toBe(0);
  });

  it("stops reading an endless remote response at the size limit", async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/yaml" });
      const chunk = Buffer.alloc(64 * 1024, "#");
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    });
    const error = await loadFailure(specReferring(`${base}/endless.yaml`), {
      allowRemoteRefs: true,
      maxFileBytes: 1024 * 1024,
    });
    expect(error.message).toMatch(/over the 1 MiB size limit/);
  });

  it("refuses a remote response whose declared length is over the limit", async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { "content-length": String(5 * 1024 * 1024) });
      res.end(Buffer.alloc(5 * 1024 * 1024, "#"));
    });
    const error = await loadFailure(specReferring(`${base}/big.yaml`), {
      allowRemoteRefs: true,
      maxFileBytes: 1024 * 1024,
    });
    expect(error.message).toMatch(/over the 1 MiB size limit/);
  });
});
