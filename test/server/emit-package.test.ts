// The generated server stands on its own: its package.json declares every package the generated files import, at
// the versions specwright pins (checked by parsing the imports; nothing is installed), a user's package.json is
// kept, and the server's README lands where the client's does not.
import { builtinModules } from "node:module";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { renderServer } from "../../generator/emit/server/generate-server.js";
import { buildModel } from "../../generator/model/build-model.js";
import { loadDocument, TMP_DIR } from "./e2e-harness.js";

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
}

const SPECS = [
  "test/server/fixtures/docs.spec.json",
  "test/server/fixtures/hardening.spec.json",
  "specs/petstore/v1/openapi.yaml",
  "test/server/fixtures/specs/asana-like.yaml",
];
const specwright = JSON.parse(await readFile("package.json", "utf8")) as Manifest;
const pinned = { ...specwright.devDependencies, ...specwright.dependencies };

async function render(
  spec: string,
  outDir = join(TMP_DIR, "package-none"),
  skipTypes = false,
): Promise<Map<string, string>> {
  const document = await loadDocument(spec);
  return renderServer(buildModel(document, { source: spec }), document, outDir, { skipTypes, warn: () => undefined });
}

/** The package each bare import of the generated TypeScript and JavaScript names (`ajv/dist/2020.js` -> `ajv`). */
function importedPackages(files: ReadonlyMap<string, string>): Set<string> {
  const packages = new Set<string>();
  for (const [path, text] of files) {
    if (!/\.(ts|js)$/.test(path)) continue;
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (fileName.startsWith(".") || fileName.startsWith("node:") || builtinModules.includes(fileName)) continue;
      const parts = fileName.split("/");
      packages.add(fileName.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? fileName));
    }
  }
  return packages;
}

describe("the generated server's package.json", () => {
  it.each(SPECS)("declares every package that %s's server imports, at specwright's versions", async (spec) => {
    const files = await render(spec);
    const manifest = JSON.parse(files.get("package.json") ?? "{}") as Manifest;
    const declared = { ...manifest.dependencies, ...manifest.peerDependencies };
    const imported = importedPackages(files);
    expect(imported.has("express")).toBe(true);
    for (const name of imported) expect(declared[name], `${name} is imported but not declared`).toBeDefined();
    for (const [name, version] of Object.entries({ ...declared, ...manifest.devDependencies }))
      expect(version, name).toBe(pinned[name]);
  });

  it("declares the docs packages, resolved at run time rather than imported, as optional peers", async () => {
    const files = await render(SPECS[0] ?? "");
    const resolved = [...(files.get("runtime/server/docs.ts") ?? "").matchAll(/resolve\("((?:@[^/"]+\/)?[^/"]+)/g)].map(
      (match) => match[1],
    );
    expect(new Set(resolved)).toEqual(new Set(["redoc", "swagger-ui-dist"]));
    const manifest = JSON.parse(files.get("package.json") ?? "{}") as Manifest;
    for (const name of ["redoc", "swagger-ui-dist"]) {
      expect(manifest.peerDependencies?.[name]).toBe(pinned[name]);
      expect(manifest.peerDependenciesMeta?.[name]?.optional).toBe(true);
      expect(manifest.dependencies?.[name]).toBeUndefined();
    }
  });

  it("declares @opentelemetry/api, which the runtime loads by a dynamic import when installed, as an optional peer", async () => {
    const files = await render(SPECS[0] ?? "");
    expect(files.get("runtime/server/telemetry.ts")).toContain('OTEL_PACKAGE = "@opentelemetry/api"');
    const manifest = JSON.parse(files.get("package.json") ?? "{}") as Manifest;
    expect([
      manifest.peerDependencies?.["@opentelemetry/api"],
      manifest.peerDependenciesMeta?.["@opentelemetry/api"]?.optional,
      manifest.dependencies?.["@opentelemetry/api"],
    ]).toEqual([pinned["@opentelemetry/api"], true, undefined]);
    expect(manifest.dependencies?.["busboy"]).toBe(pinned["busboy"]);
  });

  it("keeps a package.json the user wrote, and rewrites its own", async () => {
    const outDir = join(TMP_DIR, "package-user");
    await rm(outDir, { recursive: true, force: true });
    await mkdir(outDir, { recursive: true });
    const users = '{ "name": "my-api", "dependencies": { "express": "^5.0.0" } }\n';
    await writeFile(join(outDir, "package.json"), users);
    expect((await render(SPECS[0] ?? "", outDir)).get("package.json")).toBe(users);
    const ours = (await render(SPECS[0] ?? "")).get("package.json") ?? "";
    await writeFile(join(outDir, "package.json"), ours.replace("5.3.0", "5.0.0"));
    expect((await render(SPECS[0] ?? "", outDir)).get("package.json")).toBe(ours);
  });
});

describe("the generated server's README", () => {
  it("is README.md alone and SERVER.md beside the client, and covers what a new user needs", async () => {
    expect((await render(SPECS[0] ?? "")).has("README.md")).toBe(true);
    const beside = await render(SPECS[0] ?? "", undefined, true);
    expect(beside.has("README.md")).toBe(false);
    const readme = beside.get("SERVER.md") ?? "";
    for (const heading of [
      "## Install",
      "## Mounting",
      "## Handlers",
      "## Discriminators",
      "## File uploads (multipart/form-data)",
      "## Security verifiers",
      "## Page tokens",
      "## Docs",
      "## Tracing and request ids",
      "## CORS",
      "## Limits",
    ]) {
      expect(readme).toContain(heading);
    }
    expect(readme).toContain(`express@${pinned.express}`);
    expect(readme).toContain(`npm install @opentelemetry/api@${pinned["@opentelemetry/api"]}`);
    expect(readme).toContain(`redoc@${pinned.redoc} swagger-ui-dist@${pinned["swagger-ui-dist"]}`);
    expect(readme).toContain("# Greetings API: Express server");
  });

  it("names each security scheme's verifier and says when a page-token secret is required", async () => {
    const readme = (await render("specs/petstore/v1/openapi.yaml")).get("README.md") ?? "";
    const petstore = (await loadDocument("specs/petstore/v1/openapi.yaml")) as {
      components?: { securitySchemes?: Record<string, unknown> };
    };
    for (const name of Object.keys(petstore.components?.securitySchemes ?? {}))
      expect(readme).toContain(`| \`${name}\` |`);
    const hardening = (await render("test/server/fixtures/hardening.spec.json")).get("README.md") ?? "";
    expect(hardening).toContain("so `pageTokenSecret` is required");
  });
});
