import { afterEach, describe, expect, it } from "vitest";
import { describeFailure, UsageError } from "../../generator/cli/errors.js";
import { SpecLoadError } from "../../generator/load/index.js";
import { ConfigError } from "../../generator/config/index.js";
import { ModelError } from "../../generator/model/model-error.js";

describe("describeFailure", () => {
  const debug = process.env.SPECWRIGHT_DEBUG;
  afterEach(() => {
    if (debug === undefined) delete process.env.SPECWRIGHT_DEBUG;
    else process.env.SPECWRIGHT_DEBUG = debug;
  });

  it("prints a load or config error as file:line:col relative to the working folder, with the fix", () => {
    const error = new SpecLoadError({ message: "boom", file: "/w/specs/a.yaml", line: 3, column: 7, fix: "do this" });
    expect(describeFailure(error, "/w")).toBe("error: specs/a.yaml:3:7: boom\n  fix: do this");
    expect(
      describeFailure(new ConfigError({ message: "bad", file: "/w/specwright.config.yaml", fix: "f" }), "/w"),
    ).toBe("error: specwright.config.yaml:1:1: bad\n  fix: f");
  });

  it("prints usage errors and other fixable errors without a stack", () => {
    expect(describeFailure(new UsageError("no files match 'x'", "quote it"))).toBe(
      "error: no files match 'x'\n  fix: quote it",
    );
    expect(describeFailure(new ModelError("no such parameter", "/paths/~1a/get", "name an existing parameter"))).toBe(
      "error: no such parameter (at /paths/~1a/get)\n  fix: name an existing parameter",
    );
  });

  it("turns an unexpected error into one line plus a hint, and shows the stack only with SPECWRIGHT_DEBUG=1", () => {
    delete process.env.SPECWRIGHT_DEBUG;
    const error = new TypeError("cannot read x\nof undefined");
    expect(describeFailure(error)).toBe(
      "internal error: cannot read x\n  rerun with SPECWRIGHT_DEBUG=1 to see the stack trace, and please report it",
    );
    process.env.SPECWRIGHT_DEBUG = "1";
    expect(describeFailure(error)).toContain(error.stack!);
  });
});

describe("the error classes", () => {
  it("all extend SpecwrightError, so the CLI prints a place and a fix instead of an internal error", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const root = join(import.meta.dirname, "../..");
    const sources = ["generator", "portal"].flatMap((dir) =>
      (
        readdirSync(join(root, dir), { recursive: true, withFileTypes: true }) as Array<{
          name: string;
          parentPath: string;
          isFile(): boolean;
        }>
      )
        .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
        .map((entry) => join(entry.parentPath, entry.name)),
    );
    const plainErrors = sources.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/class (\w+) extends (?:Error|TypeError|RangeError)\b/g)].map(
        (match) => `${match[1]} in ${file.slice(root.length + 1)}`,
      ),
    );
    expect(plainErrors).toEqual(["SpecwrightError in generator/errors/specwright-error.ts"]);
  });
});
