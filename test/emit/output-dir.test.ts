import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mkdtemp } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { writeOutputDir } from "../../generator/emit/shared/output-dir.js";

describe("writeOutputDir", () => {
  it("replaces the folder as a whole (stale files disappear) and leaves no staging folders", async () => {
    const parent = await mkdtemp(join(tmpdir(), "specwright-out-"));
    const out = join(parent, "gen");
    await mkdir(out);
    await writeFile(join(out, "stale.ts"), "old");
    await writeOutputDir(
      out,
      new Map([
        ["a.ts", "A"],
        ["runtime/b.ts", "B"],
      ]),
    );
    expect((await readdir(out)).sort()).toEqual(["a.ts", "runtime"]);
    expect(await readFile(join(out, "runtime/b.ts"), "utf8")).toBe("B");
    expect(await readdir(parent)).toEqual(["gen"]);
  });

  it("on failure keeps the previous output untouched and cleans up", async () => {
    const parent = await mkdtemp(join(tmpdir(), "specwright-out-"));
    const out = join(parent, "gen");
    await writeOutputDir(out, new Map([["a.ts", "A"]]));
    await expect(
      writeOutputDir(
        out,
        new Map([
          ["ok.ts", "x"],
          ["../escape.ts", "evil"],
        ]),
      ),
    ).rejects.toThrow(/outside the output folder/);
    expect(await readdir(out)).toEqual(["a.ts"]);
    expect(existsSync(join(parent, "escape.ts"))).toBe(false);
    expect(await readdir(parent)).toEqual(["gen"]);
  });
});
