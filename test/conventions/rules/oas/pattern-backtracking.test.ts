import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ALL_RULES, presetRules } from "../../../../generator/conventions/index.js";
import { detectBacktracking } from "../../../../generator/conventions/rules/oas/backtracking-detector.js";
import { lintFiles, lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "oas/pattern-backtracking";
// Verdicts kept between runs go to a fresh file, so that every run of these tests analyses its patterns.
const cacheDir = mkdtempSync(join(tmpdir(), "specwright-patterns-"));
process.env.SPECWRIGHT_PATTERN_CACHE = join(cacheDir, "verdicts.jsonl");
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Limits no run reaches: the step limit decides, so the verdicts do not depend on the machine's load. */
const NO_TIME_LIMITS = { timeoutMs: 10 * 60_000, budgetMs: 10 * 60_000 };
const REWRITE = `rewrite it without nested or overlapping quantifiers (e.g. "(a+)+" as "a+", ".*.*" as ".*")`;

describe(RULE, () => {
  it("accepts patterns that match in linear time: anchored classes, bounded and separated repetition, no repetition", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - { name: tag, in: query, schema: { type: string, pattern: '^[a-z]+(-[a-z]+)*$' } }
              responses: { "200": { description: ok } }
        components:
          schemas:
            Pet:
              type: object
              patternProperties:
                '^x-': { type: string }
              properties:
                host: { type: string, pattern: '^[a-z]{1,63}(\\.[a-z]{1,63})*$' }
                arn: { type: string, pattern: '^arn:aws:iam::\\d{12}:role/.+$' }
                code: { type: string, pattern: '^(red|green|blue)$' }
                id: { type: string, pattern: '^\\p{L}[\\p{L}\\d_]*$' }
      `,
      RULE,
      { options: NO_TIME_LIMITS },
    );
    expect(problems).toEqual([]);
  });

  it("reports nested, overlapping and unanchored repetition where the pattern is written, saying why and how to fix it", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - name: name
                  in: query
                  schema:
                    type: string
                    pattern: '^(a+)+$'
              responses: { "200": { description: ok } }
        components:
          schemas:
            Pet:
              type: object
              properties:
                note: { type: string, pattern: '^\\s*.*\\s*$' }
                tag: { type: string, maxLength: 20, pattern: 'a+b' }
      `,
      RULE,
      { options: NO_TIME_LIMITS },
    );
    expect(problems.map((p) => [p.severity, p.line, p.column, p.message])).toEqual([
      [
        "error",
        11,
        13,
        `pattern "^(a+)+$" can take super-linear time to reject an input (ReDoS): the nested quantifier "(a+)+" can split the same text in many ways; ${REWRITE}, and bound the input with maxLength`,
      ],
      [
        "error",
        18,
        31,
        `pattern "^\\s*.*\\s*$" can take super-linear time to reject an input (ReDoS): ".*" and "\\s*" can match the same characters; ${REWRITE}, and bound the input with maxLength`,
      ],
      [
        "error",
        19,
        45,
        `pattern "a+b" can take super-linear time to reject an input (ReDoS): the pattern is not anchored with ^, so a failing match is retried from every position, each time rescanning "a+"; ${REWRITE}`,
      ],
    ]);
  });

  it("reports a patternProperties key, behind a $ref in another file, at its definition", async () => {
    const problems = await lintFiles(
      {
        "openapi.yaml": yaml`
          openapi: 3.1.0
          info: { title: Pets, version: 1.0.0 }
          paths: {}
          components:
            schemas:
              Labels: { $ref: "./labels.yaml" }
        `,
        "labels.yaml": yaml`
          type: object
          propertyNames: { maxLength: 64 }
          patternProperties:
            '^(\\w+\\s?)+$': { type: string }
        `,
      },
      RULE,
      { options: NO_TIME_LIMITS },
    );
    expect(problems.map((p) => [p.file.endsWith("labels.yaml"), p.line, p.column, p.message])).toEqual([
      [
        true,
        4,
        3,
        `patternProperties key "^(\\w+\\s?)+$" can take super-linear time to reject an input (ReDoS): the nested quantifier "(\\w+\\s?)+" can split the same text in many ways; ${REWRITE}`,
      ],
    ]);
  });

  it("reports patterns that are not ECMA-262 regexps with the u flag, each place of a repeated pattern", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths: {}
        components:
          schemas:
            Pet:
              properties:
                a: { type: string, pattern: '^[a-z]\\:[0-9]$' }
                b: { type: string, pattern: '^[a-z]\\:[0-9]$' }
                c: { type: string, pattern: '^(unclosed$' }
      `,
      RULE,
      { options: NO_TIME_LIMITS },
    );
    const colonEscape = `pattern "^[a-z]\\:[0-9]$" is not a valid ECMA-262 regular expression with the u flag (...); fix its syntax (with the u flag, escape only syntax characters: "\\-" only inside [...], no "\\:" or "\\ ")`;
    expect(
      problems.map((p) => [p.line, p.message.replace(/ \(Invalid regular expression: .*?\);/, " (...);")]),
    ).toEqual([
      [8, colonEscape],
      [9, colonEscape],
      [10, `pattern "^(unclosed$" is not a valid ECMA-262 regular expression with the u flag (...); fix its syntax`],
    ]);
    expect(problems[0]!.message).toContain("Invalid escape");
  });

  it("reports a pattern the detector cannot decide within maxSteps, and names the option", async () => {
    const document = yaml`
      openapi: 3.1.0
      info: { title: Pets, version: 1.0.0 }
      paths: {}
      components:
        schemas:
          Slug: { type: string, maxLength: 64, pattern: '^[a-z]+(-[a-z]+)*$' }
    `;
    expect(await lintYaml(document, RULE, { options: NO_TIME_LIMITS })).toEqual([]);
    const problems = await lintYaml(document, RULE, { options: { ...NO_TIME_LIMITS, maxSteps: 10 } });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        6,
        `pattern "^[a-z]+(-[a-z]+)*$" could not be shown free of super-linear backtracking (redos-detector stopped at its limits: maxSteps 10, timeoutMs 600000); simplify it, or raise this rule's maxSteps and timeoutMs options`,
      ],
    ]);
  });

  it("leaves the patterns past the document's time budget undecided, and analyses them on the next lint", async () => {
    const document = yaml`
      openapi: 3.1.0
      info: { title: Pets, version: 1.0.0 }
      paths: {}
      components:
        schemas:
          Code: { type: string, maxLength: 8, pattern: '^[A-Z]+(_[A-Z]+)*$' }
    `;
    const overBudget = await lintYaml(document, RULE, { options: { ...NO_TIME_LIMITS, budgetMs: 0 } });
    expect(overBudget.map((p) => p.message)).toEqual([
      `pattern "^[A-Z]+(_[A-Z]+)*$" could not be shown free of super-linear backtracking (not analysed: the rule's time budget for the document ran out (budgetMs 0)); simplify it, or raise this rule's maxSteps and timeoutMs options`,
    ]);
    expect(await lintYaml(document, RULE, { options: NO_TIME_LIMITS })).toEqual([]);
    // The verdict is kept for the next process; the undecided one was not.
    const kept = readFileSync(process.env.SPECWRIGHT_PATTERN_CACHE!, "utf8")
      .split("\n")
      .filter((line) => line.includes("^[A-Z]+(_[A-Z]+)*$"));
    expect(kept.map((line) => (JSON.parse(line) as { verdict: unknown }).verdict)).toEqual([{ kind: "linear" }]);
  });

  it("is an error in recommended and strict, and off in minimal (generated servers match patterns in linear time)", () => {
    expect(
      ["minimal", "recommended", "strict"].map((preset) => presetRules(preset as "minimal", ALL_RULES)[RULE]?.severity),
    ).toEqual(["off", "error", "error"]);
  });

  it("runs the detector in workers, whatever the caches hold: one verdict per pattern, in any order", () => {
    const patterns = [
      "^(a+)+$",
      "^a+$",
      "^.*.*$",
      "^[a-z]+(-[a-z]+)*$",
      "^(x|y)+z$",
      "^\\d{4}-\\d{2}$",
      "^[ab]*a[ab]*$",
      "a+b",
    ];
    const results = detectBacktracking(patterns, { maxSteps: 20000, ...NO_TIME_LIMITS });
    const verdict = new Map(results.map((result) => [result.pattern, result.safe ? "safe" : result.error]));
    expect([...verdict.keys()].sort()).toEqual([...patterns].sort());
    expect(patterns.map((pattern) => verdict.get(pattern))).toEqual([
      "hitMaxScore",
      "safe",
      "hitMaxScore",
      "safe",
      "safe",
      "safe",
      "hitMaxScore",
      "hitMaxScore",
    ]);
  });
});
