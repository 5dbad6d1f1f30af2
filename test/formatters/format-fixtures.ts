import type { Diagnostic } from "../../generator/conventions/index.js";
import type { FormatContext } from "../../generator/conventions/formatters/index.js";

export const CWD = "/work/project";
export const SPEC = "/work/project/specs/api.yaml";

export const SOURCE = [
  "openapi: 3.1.0",
  "info:",
  "  title: Demo",
  "  version: 1.0.0",
  "paths:",
  "  /Pets:",
  "    get:",
  "      responses: {}",
].join("\n");

export function diagnostic(overrides: Partial<Diagnostic>): Diagnostic {
  return {
    ruleId: "rest/path-casing",
    severity: "warn",
    message: "path segment is not kebab-case",
    file: SPEC,
    pointer: "/paths/~1Pets",
    line: 6,
    column: 3,
    docUrl: "docs/rules.md#rest-path-casing",
    ...overrides,
  };
}

export function context(overrides: Partial<FormatContext> = {}): FormatContext {
  return {
    cwd: CWD,
    color: false,
    sourceOf: (file) => (file === SPEC ? SOURCE : undefined),
    rules: [
      {
        id: "rest/path-casing",
        description: "Literal path segments are lowercase kebab-case.",
        docUrl: "docs/rules.md#rest-path-casing",
      },
      {
        id: "versioning/major-in-path",
        description: "The major version is in the path.",
        docUrl: "docs/rules.md#versioning-major-in-path",
      },
    ],
    fileCount: 1,
    ...overrides,
  };
}
