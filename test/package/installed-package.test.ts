// specwright the way a user meets it: `npm pack`, the tarball installed with --omit=dev into an empty project, then the
// CLI and the library used from there. Nothing of the checkout is reachable from that project except the example specs.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
const SPECS = join(ROOT, "specs");
const PETSTORE_V1 = join(SPECS, "petstore/v1/openapi.yaml");
const PETSTORE_V2 = join(SPECS, "petstore/v2/openapi.yaml");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

let work: string;
let app: string;
let packed: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "specwright-package-"));
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], {
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });
  const [manifest] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = manifest!.files.map((file) => file.path);
  app = join(work, "app");
  await run("mkdir", ["-p", app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  // --prefer-offline: the dependencies come from npm's cache, filled by the checkout's own `npm ci`.
  await run(
    "npm",
    ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", join(work, manifest!.filename)],
    { cwd: app, maxBuffer: 64 << 20 },
  );
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const cli = (args: string[]) =>
  run(join(app, "node_modules/.bin/specwright"), args, { cwd: app, maxBuffer: 64 << 20 }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );

describe("the published package", () => {
  it("ships the built CLI, the library with its types and the templates, and none of the tests or sources", () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        "dist/cli.mjs",
        "dist/index.mjs",
        "dist/types/generator/index.d.ts",
        "bin/specwright.js",
        "templates/runtime/server/router.ts",
        "LICENSE",
      ]),
    );
    expect(packed.filter((path) => path.startsWith("test/") || path.startsWith("bench/"))).toEqual([]);
    expect(packed.filter((path) => path.startsWith("generator/"))).toEqual([]);
  });

  it("installs without dev dependencies: no tsx, and no checkout to compile from", () => {
    expect(existsSync(join(app, "node_modules/tsx"))).toBe(false);
    expect(existsSync(join(app, "node_modules/vitest"))).toBe(false);
    expect(existsSync(join(app, "node_modules/specwright/generator"))).toBe(false);
  });

  it("runs lint, generate, diff and portal build from the installed CLI", async () => {
    const lint = await cli(["lint", PETSTORE_V1]);
    expect(lint.stdout).toContain("no problems");
    expect(lint.code).toBe(0);

    const generate = await cli(["generate", PETSTORE_V1, "--out", "gen/petstore", "--client", "--server"]);
    expect(generate.code).toBe(0);
    expect(readdirSync(join(app, "gen/petstore"))).toEqual(
      expect.arrayContaining(["client.ts", "server.ts", "handlers.ts", "package.json"]),
    );

    const diff = await cli(["diff", PETSTORE_V1, PETSTORE_V2, "--format", "json"]);
    expect(diff.code).toBe(0);
    expect((JSON.parse(diff.stdout) as { versioning: { verdict: string } }).versioning.verdict).toBe("pass");

    const portal = await cli(["portal", "build", "--specs", SPECS, "--out", "site"]);
    expect(portal.code).toBe(0);
    expect(existsSync(join(app, "site/index.html"))).toBe(true);

    const missing = await cli(["lint", "missing.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(/at .*\.mjs:\d+/);
  });

  it("is importable as a library, with typed errors and a portal to mount", async () => {
    writeFileSync(
      join(app, "use.mjs"),
      `import { lint, diff, createPortal, loadSpec, SpecLoadError, SpecwrightError } from "specwright";
const out = {};
out.lint = (await lint(${JSON.stringify(PETSTORE_V1)})).length;
out.verdict = (await diff(${JSON.stringify(PETSTORE_V1)}, ${JSON.stringify(PETSTORE_V2)})).versioning.verdict;
try { await loadSpec("missing.yaml"); } catch (error) { out.error = [error instanceof SpecLoadError, error instanceof SpecwrightError, typeof error.fix]; }
const portal = await createPortal({ specs: ${JSON.stringify(SPECS)}, watch: false });
const server = portal.listen(0, "127.0.0.1");
await new Promise((done) => server.once("listening", done));
const base = "http://127.0.0.1:" + server.address().port;
out.health = await (await fetch(base + "/healthz")).json();
out.mock = (await fetch(base + "/mock/petstore/v1/pets", { headers: { authorization: "Bearer x" } })).status;
server.closeAllConnections(); server.close(); portal.close();
console.log(JSON.stringify(out));
`,
    );
    const { stdout } = await run(process.execPath, ["use.mjs"], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({
      lint: 0,
      verdict: "pass",
      error: [true, true, "string"],
      health: { status: "ok", apis: 3, broken: 0 },
      mock: 200,
    });
  });

  it("has declarations a TypeScript project can use", async () => {
    writeFileSync(
      join(app, "consumer.ts"),
      `import { lint, SpecwrightError, type Diagnostic } from "specwright";
const diagnostics: Diagnostic[] = await lint("spec.yaml", { preset: "minimal" });
export const lines: string[] = diagnostics.map((d) => \`\${d.file}:\${d.line}:\${d.column} \${d.ruleId}\`);
export const fixOf = (error: unknown): string | undefined => (error instanceof SpecwrightError ? error.fix : undefined);
// @ts-expect-error not an option of lint: the declarations are precise, not any
await lint("spec.yaml", { nope: true });
`,
    );
    const typeRoots = join(ROOT, "node_modules/@types");
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ["node"],
          typeRoots: [typeRoots],
        },
        files: ["consumer.ts"],
      }),
    );
    const result = await run(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: app }).then(
      () => ({ code: 0, stdout: "" }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });
});
