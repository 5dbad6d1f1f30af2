// `specwright generate --tanstack-query` and `tanstackQuery: true` in specwright.config.yaml (issue 14): the adapter and
// its runtime are written only when asked, the generated package.json names @tanstack/query-core as a peer (the
// server's too, when both share the folder), and the README says how to use it, or how to turn it on.
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runGenerate } from "../../generator/cli/generate.js";
import { TANSTACK_QUERY_CORE_RANGE } from "../../generator/emit/client/tanstack-view.js";
import { tempDir } from "./generated-project.js";
import { TANSTACK_SPEC } from "./tanstack-harness.js";

beforeEach(() => {
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const peers = async (dir: string) =>
  (JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { peerDependencies?: Record<string, string> })
    .peerDependencies ?? {};

describe("generate --tanstack-query", () => {
  it("writes tanstack-query.ts and its runtime only with the flag, and a peer dependency on @tanstack/query-core", async () => {
    const dir = await tempDir("cli-tanstack");
    const base = { client: true, conventions: false };
    expect(await runGenerate(TANSTACK_SPEC, { ...base, out: join(dir, "off") })).toBe(0);
    expect(await runGenerate(TANSTACK_SPEC, { ...base, out: join(dir, "on"), tanstackQuery: true })).toBe(0);
    const off = await readdir(join(dir, "off"), { recursive: true });
    expect(off).not.toContain("tanstack-query.ts");
    expect(off).not.toContain(join("runtime", "tanstack-query.ts"));
    expect(await peers(join(dir, "off"))).toEqual({});
    expect(await readFile(join(dir, "off", "README.md"), "utf8")).toMatch(
      /## TanStack Query\n\nGenerate with `--tanstack-query` \(or `tanstackQuery: true`/,
    );
    const on = await readdir(join(dir, "on"), { recursive: true });
    expect(on).toEqual(expect.arrayContaining(["tanstack-query.ts", join("runtime", "tanstack-query.ts")]));
    expect(await peers(join(dir, "on"))).toEqual({ "@tanstack/query-core": TANSTACK_QUERY_CORE_RANGE });
    const readme = await readFile(join(dir, "on", "README.md"), "utf8");
    expect(readme).toContain("useQuery(getTaskQueryOptions(client, ");
    expect(readme).toContain("useMutation({ ...createTaskMutationOptions(client)");
    expect(readme).toContain(
      '- `listReposInfiniteQueryOptions`: by Link header rel="next" (each page is `{ data, next }`)',
    );
    expect(readme).not.toContain("listNotesInfiniteQueryOptions");
  });

  it("takes tanstackQuery: true from the API's config entry, and keeps the peer in the server's package.json", async () => {
    const dir = await tempDir("cli-tanstack-config");
    const config = join(dir, "specwright.config.yaml");
    await writeFile(
      config,
      `apis:\n  - { name: tasks, spec: ${resolve(TANSTACK_SPEC)}, out: ${join(dir, "gen")}, tanstackQuery: true }\n`,
    );
    expect(await runGenerate(undefined, { conventions: false, config })).toBe(0);
    expect(await readdir(join(dir, "gen"))).toEqual(
      expect.arrayContaining(["tanstack-query.ts", "server.ts", "mock.ts"]),
    );
    expect(await peers(join(dir, "gen"))).toMatchObject({
      "@tanstack/query-core": TANSTACK_QUERY_CORE_RANGE,
      redoc: expect.any(String),
    });
  });

  it("refuses a misspelt option in the config, naming the right one", async () => {
    const dir = await tempDir("cli-tanstack-typo");
    const config = join(dir, "specwright.config.yaml");
    await writeFile(config, `apis:\n  - { name: tasks, spec: ${resolve(TANSTACK_SPEC)}, tanstackquery: true }\n`);
    const error = await runGenerate(undefined, { conventions: false, config }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      message: expect.stringContaining('unknown key "tanstackquery"'),
      fix: expect.stringContaining('did you mean "tanstackQuery"?'),
    });
  });
});
