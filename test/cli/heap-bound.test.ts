import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  builtUnderHeapBound,
  heapAlreadyBounded,
  heapBoundMb,
  largestSpecFileBytes,
  removeHalfWritten,
} from "../../generator/cli/heap-bound.js";
import { runCli, STACK_FRAME } from "./run-cli.js";

const REPO_SPECS = join(import.meta.dirname, "../../specs");
const work = { dir: await mkdtemp(join(tmpdir(), "specwright-heap-bound-")) };
afterAll(() => rm(work.dir, { recursive: true, force: true }));

describe("the heap bound of portal build", () => {
  it("is 24 MB of heap per MB of the largest spec, and at least 1024 MB", () => {
    expect(heapBoundMb(0)).toBe(1024);
    expect(heapBoundMb(40 * 1024 * 1024)).toBe(1024);
    // Microsoft Graph beta's size in the corpus: 47,125,053 bytes = 44.94 MB; x24 = 1078.6.
    expect(heapBoundMb(47_125_053)).toBe(1079);
    expect(heapBoundMb(100 * 1024 * 1024)).toBe(2400);
  });

  it("is not set again where node already has one: a user's flag, NODE_OPTIONS, or the parent's", () => {
    expect(heapAlreadyBounded([], {})).toBe(false);
    expect(heapAlreadyBounded(["--max-old-space-size=4096"], {})).toBe(true);
    expect(heapAlreadyBounded(["--max_old_space_size=4096"], {})).toBe(true);
    expect(heapAlreadyBounded([], { NODE_OPTIONS: "--enable-source-maps --max-old-space-size=2048" })).toBe(true);
    expect(heapAlreadyBounded(["--max-semi-space-size=64"], { NODE_OPTIONS: "--inspect" })).toBe(false);
    expect(heapAlreadyBounded([], { SPECWRIGHT_HEAP_BOUND_MB: "1024" })).toBe(true);
  });

  it("is sized from the largest .json/.yaml/.yml file, skipping node_modules and dot folders", async () => {
    const dir = join(work.dir, "sizes");
    await mkdir(join(dir, "a/v1"), { recursive: true });
    await mkdir(join(dir, "node_modules"), { recursive: true });
    await mkdir(join(dir, ".git"), { recursive: true });
    await writeFile(join(dir, "a/v1/openapi.yaml"), "x".repeat(300));
    await writeFile(join(dir, "b.json"), "x".repeat(200));
    await writeFile(join(dir, "notes.md"), "x".repeat(5000));
    await writeFile(join(dir, "node_modules/big.json"), "x".repeat(9000));
    await writeFile(join(dir, ".git/big.yml"), "x".repeat(9000));
    expect(await largestSpecFileBytes(dir)).toBe(300);
  });

  it("cleans up the temporary folder of a stopped child, and only that child's", async () => {
    const dir = join(work.dir, "half");
    for (const name of ["site.tmp-4242-1", "site.tmp-4242-2", "site.tmp-777-1", "site", "other.tmp-4242-1"])
      await mkdir(join(dir, name), { recursive: true });
    await removeHalfWritten(join(dir, "site"), 4242);
    expect((await readdir(dir)).sort()).toEqual(["other.tmp-4242-1", "site", "site.tmp-777-1"]);
  });

  describe("when the child runs out of heap", () => {
    const exitCode = process.exitCode;
    afterEach(() => {
      process.exitCode = exitCode;
    });
    const outOfMemory = async () => ({ code: 134, outOfMemory: true });

    it("builds again in this process, unbounded, with a warning, when the bound was sized from the specs", async () => {
      const warnings: string[] = [];
      const bounds: number[] = [];
      const built = await builtUnderHeapBound({
        specsDir: REPO_SPECS,
        outDir: join(work.dir, "out"),
        maxHeap: undefined,
        run: (bound) => {
          bounds.push(bound);
          return outOfMemory();
        },
        warn: (line) => warnings.push(line),
      });
      expect(built).toBe(false);
      expect(bounds).toEqual([1024]);
      expect(warnings).toEqual([
        "warning: portal build needed more than the 1024 MB of heap sized from its largest spec; building again without a bound",
      ]);
    });

    it("stops with an error naming --max-heap when the user gave the bound", async () => {
      await expect(
        builtUnderHeapBound({ specsDir: REPO_SPECS, outDir: join(work.dir, "out"), maxHeap: 300, run: outOfMemory }),
      ).rejects.toThrow("portal build needed more than its --max-heap of 300 MB");
    });

    it("passes the child's exit code on when it did not run out", async () => {
      const built = await builtUnderHeapBound({
        specsDir: REPO_SPECS,
        outDir: join(work.dir, "out"),
        maxHeap: 2000,
        run: async () => ({ code: 2, outOfMemory: false }),
      });
      expect(built).toBe(true);
      expect(process.exitCode).toBe(2);
    });
  });

  it("runs the build under the bound: a bound too small stops it with exit 2, a message, no V8 report, no output", async () => {
    const cwd = join(work.dir, "cli");
    await cp(REPO_SPECS, join(cwd, "specs"), { recursive: true });
    const starved = runCli(["portal", "build", "--specs", "specs", "--out", "site", "--max-heap", "8"], { cwd });
    expect(starved.code).toBe(2);
    expect(starved.stderr).toContain("error: portal build needed more than its --max-heap of 8 MB");
    expect(starved.stderr).toContain("fix: raise --max-heap, or pass --max-heap 0 for no bound");
    expect(starved.stderr).not.toMatch(/FATAL ERROR|<--- |heap out of memory/);
    expect(starved.stderr).not.toMatch(STACK_FRAME);
    expect((await readdir(cwd)).sort()).toEqual(["specs"]);

    const unbounded = runCli(["portal", "build", "--specs", "specs", "--out", "site", "--max-heap", "0"], { cwd });
    expect(unbounded.stderr).toBe("");
    expect(unbounded.code).toBe(0);
    expect(existsSync(join(cwd, "site/apis/petstore/v2/index.html"))).toBe(true);

    const bad = runCli(["portal", "build", "--specs", "specs", "--out", "site", "--max-heap", "lots"], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("expected a whole number of megabytes");
  }, 120_000);
});
