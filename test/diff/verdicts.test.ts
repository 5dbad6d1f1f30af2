import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { diffDocuments, type DiffResult } from "../../generator/diff/index.js";
import { diffSpecs, type Json } from "./fixtures.js";
import type { Verdict } from "./verdicts/build.js";
import { branchVerdicts } from "./verdicts/branches.js";
import { equivalenceVerdicts } from "./verdicts/equivalences.js";
import { keywordVerdicts } from "./verdicts/keywords.js";
import { operationVerdicts } from "./verdicts/operations.js";
import { parameterVerdicts } from "./verdicts/parameters.js";
import { realVerdicts } from "./verdicts/real.js";
import { requestVerdicts } from "./verdicts/requests.js";
import { responseVerdicts } from "./verdicts/responses.js";
import { webhookVerdicts } from "./verdicts/webhooks.js";

// The issue 15 goal: at least 97% agreement with verdicts judged by hand on at least 150 version pairs.
const GROUPS = {
  operations: operationVerdicts,
  parameters: parameterVerdicts,
  requests: requestVerdicts,
  responses: responseVerdicts,
  "2020-12 keywords": keywordVerdicts,
  "oneOf/anyOf": branchVerdicts,
  webhooks: webhookVerdicts,
  "rewritings and limits": equivalenceVerdicts,
  "real pairs": realVerdicts,
};
const TABLE: Verdict[] = Object.entries(GROUPS).flatMap(([group, verdicts]) =>
  verdicts.map((verdict) => ({ ...verdict, name: `${group}: ${verdict.name}` })),
);
const FLOOR = 0.97;

async function diff(verdict: Verdict): Promise<DiffResult> {
  const isFile = (side: Verdict["before"]): side is { file: string } =>
    typeof (side as { file?: unknown }).file === "string";
  if (isFile(verdict.before) && isFile(verdict.after))
    return diffDocuments(await loadSpec(verdict.before.file), await loadSpec(verdict.after.file));
  return diffSpecs(verdict.before as Json, verdict.after as Json);
}

/** Agrees when the verdict matches and, when the table names the deciding check, that check was reported. */
function disagreement(verdict: Verdict, result: DiffResult): string | undefined {
  const breaking = result.changes.filter((change) => change.classification === "breaking");
  const actual = breaking.length > 0 ? "breaking" : "non-breaking";
  const found = result.changes.map((change) => `${change.id}:${change.classification}`);
  if (actual !== verdict.expected) return `expected ${verdict.expected}, got ${actual} [${found.join(", ")}]`;
  if (!verdict.check) return undefined;
  const decisive = verdict.expected === "breaking" ? breaking : result.changes;
  if (!decisive.some((change) => change.id === verdict.check))
    return `verdict agrees but ${verdict.check} was not reported [${found.join(", ")}]`;
  return undefined;
}

describe("hand-judged verdicts", () => {
  it("has at least 150 version pairs, each with a reason and a unique name", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(150);
    expect(new Set(TABLE.map((verdict) => verdict.name)).size).toBe(TABLE.length);
    for (const verdict of TABLE) expect(verdict.reason.length, verdict.name).toBeGreaterThan(5);
  });

  it(`agrees with at least ${FLOOR * 100}% of them`, { timeout: 120_000 }, async () => {
    const misses: string[] = [];
    for (const verdict of TABLE) {
      const problem = disagreement(verdict, await diff(verdict));
      if (problem) misses.push(`${verdict.name}: ${problem} (${verdict.reason})`);
    }
    const agreement = (TABLE.length - misses.length) / TABLE.length;
    console.log(
      `diff verdicts: ${TABLE.length - misses.length}/${TABLE.length} agree (${(agreement * 100).toFixed(1)}%)${misses.length ? "\n  " + misses.join("\n  ") : ""}`,
    );
    expect(agreement).toBeGreaterThanOrEqual(FLOOR);
  });
});
