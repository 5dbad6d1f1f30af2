// A lint page lists at most LINT_PAGE_PROBLEMS problems, with every problem counted per rule above the list: a spec
// with 78,000 problems (Microsoft Graph beta) made a 39 MB page.
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generator/conventions/index.js";
import { renderLintPage } from "../../portal/pages/lint-page.js";
import { Links } from "../../portal/pages/links.js";

const problem = (ruleId: string, n: number): Diagnostic => ({
  ruleId,
  severity: ruleId.startsWith("errors/") ? "error" : "warn",
  message: `problem number ${n}`,
  file: "/specs/big.json",
  pointer: `/paths/~1items~1${n}`,
  line: n + 1,
  column: 3,
  docUrl: "",
});

const page = (diagnostics: Diagnostic[]) =>
  renderLintPage({
    current: { api: "big", version: "v1", summary: undefined, problem: undefined, lint: undefined },
    versions: [],
    loaded: undefined,
    links: new Links("/"),
    diagnostics,
    relative: (file) => file.replace("/specs/", ""),
  });
const rows = (html: string) => [
  ...html.matchAll(/<tr class="(error|warn)"><td>\1<\/td><td><a [^>]*>([^<]+)<\/a><\/td><td>([^<]+)</g),
];

describe("the lint page", () => {
  it("lists every problem of a short report, without a table of counts", () => {
    const html = page([problem("errors/schema", 0), problem("rest/operation-id", 1)]);
    expect(rows(html).map((m) => m[3])).toEqual(["problem number 0", "problem number 1"]);
    expect(html).not.toContain("lint-counts");
    expect(html).not.toContain("are listed");
  });

  it("lists the first 1,000 problems of a long one, and counts them all per rule, most first", () => {
    const diagnostics = [
      ...Array.from({ length: 1200 }, (_, n) => problem("rest/operation-id", n)),
      ...Array.from({ length: 300 }, (_, n) => problem("errors/schema", 1200 + n)),
    ];
    const html = page(diagnostics);
    const listed = rows(html).filter((m) => m[3]!.startsWith("problem number"));
    expect(listed).toHaveLength(1000);
    expect(listed.at(-1)![3]).toBe("problem number 999");
    const counts = /<table class="lint lint-counts">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
    expect([...counts.matchAll(/<a [^>]*>([^<]+)<\/a><\/td><td>([^<]+)</g)].map((m) => [m[1], m[2]])).toEqual([
      ["rest/operation-id", "1,200"],
      ["errors/schema", "300"],
    ]);
    expect(html).toContain("The first 1,000 of 1,500 problems are listed.");
    expect(html.length).toBeLessThan(600_000);
  });
});
