// Every spec edit gets a new mock; the old one (its generated folder, its code) must not stay behind.
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portalIntegrations } from "../../portal/integrations.js";
import { loadCollectable } from "../../portal/mock/collectable-module.js";
import { MockBackends } from "../../portal/mock/mock-backends.js";
import type { LoadedSpec } from "../../portal/catalog/loaded-spec.js";
import type { RunningPortal } from "../../portal/server.js";
import { emptySpecsDir, eventually, startTestPortal } from "./portal-fixture.js";

const MOCKS = resolve(import.meta.dirname, "../../node_modules/.cache/specwright/mocks");
const EDITS = 6;

/** A spec of its own (a unique title), so no other test's portal serves a mock of the same content. */
function specAt(edit: number, title: string): object {
  const content = { "application/json": { schema: { type: "object" }, example: { edit } } };
  return {
    openapi: "3.1.0",
    info: { title, version: "1.0.0" },
    paths: {
      "/things": { get: { operationId: "getThings", responses: { "200": { description: "Things", content } } } },
    },
  };
}

/** A full garbage collection, after the current job (a WeakRef keeps its target alive until the job ends). */
async function collectGarbage(): Promise<void> {
  await new Promise((resolveTick) => setImmediate(resolveTick));
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

describe("live reload of a spec served with generated mocks", () => {
  let specs: { dir: string; cleanup: () => Promise<void> };
  let portal: RunningPortal;
  let file: string;
  const title = `Reloaded ${randomUUID()}`;
  /** The generated folders of this test's spec: each names its source file in its first line. */
  const foldersOfSpec = () =>
    readdirSync(MOCKS).filter(
      (name) =>
        existsSync(join(MOCKS, name, "server.ts")) &&
        readFileSync(join(MOCKS, name, "server.ts"), "utf8")
          .split("\n")[0]!
          .includes(file),
    );

  beforeAll(async () => {
    specs = await emptySpecsDir();
    await mkdir(join(specs.dir, "reload/v1"), { recursive: true });
    file = join(specs.dir, "reload/v1/openapi.json");
    await writeFile(file, JSON.stringify(specAt(0, title)));
    portal = await startTestPortal(specs.dir, { watch: true, ...portalIntegrations() });
  });
  afterAll(async () => {
    await portal?.close();
    await specs?.cleanup();
  });

  it(`keeps one generated folder however often the spec is edited (${EDITS} edits), and serves only the newest mock`, async () => {
    const served = async () => (await (await fetch(`${portal.url}/mock/reload/v1/things`)).json()) as { edit: number };
    expect(await served()).toEqual({ edit: 0 });
    expect(foldersOfSpec()).toHaveLength(1);
    for (let edit = 1; edit <= EDITS; edit++) {
      await writeFile(file, JSON.stringify(specAt(edit, title)));
      await eventually(async () => expect(await served()).toEqual({ edit }), `the mock of edit ${edit}`);
      await eventually(async () => expect(foldersOfSpec()).toHaveLength(1), `one folder after edit ${edit}`);
    }
  }, 180_000);
});

describe("MockBackends.retainOnly", () => {
  it("releases the mocks of loads no longer served and keeps no reference to them", async () => {
    const released: string[] = [];
    const handlers = new Map<string, WeakRef<object>>();
    const backends = new MockBackends(async (_loaded, key) => {
      const handler = () => undefined;
      handlers.set(key, new WeakRef(handler));
      return { handler, release: async () => void released.push(key) };
    });
    const load = () => ({}) as LoadedSpec;
    const [old, current] = [load(), load()];
    await backends.handlerFor(old, "old");
    await backends.handlerFor(current, "current");
    await backends.retainOnly([current]);
    expect(released).toEqual(["old"]);
    await collectGarbage();
    expect(handlers.get("old")!.deref()).toBeUndefined();
    expect(handlers.get("current")!.deref()).toBeDefined();
  });
});

describe("loadCollectable", () => {
  it("loads generated TypeScript as code the garbage collector takes back (an ES module import is never freed)", async () => {
    const work = await emptySpecsDir();
    try {
      await writeFile(
        join(work.dir, "value.ts"),
        "export const value: { big: number[] } = { big: new Array(1000).fill(1) };\n",
      );
      await writeFile(
        join(work.dir, "entry-point.ts"),
        'import { value } from "./value.ts";\nexport const answer = (): number => value.big.length;\n',
      );
      const ref = await (async () => {
        const loaded = await loadCollectable<{ answer(): number }>(work.dir, 'export * from "./entry-point.ts";\n');
        expect(loaded.answer()).toBe(1000);
        return new WeakRef(loaded.answer);
      })();
      await collectGarbage();
      expect(ref.deref()).toBeUndefined();
    } finally {
      await work.cleanup();
    }
  });
});
