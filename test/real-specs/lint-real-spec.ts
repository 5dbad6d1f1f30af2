import { expect } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { ALL_RULES, lintDocument, presetConfig, type Diagnostic } from "../../generator/conventions/index.js";

/**
 * Loads and lints one real spec with every rule on (strict). A real, valid spec must load (a SpecLoadError here is a
 * loader bug), no rule may crash on it (the engine reports a crash as an "internal error in rule" problem), and every
 * problem must point at a real place in a file of the document.
 */
export async function lintRealSpec(path: string): Promise<Diagnostic[]> {
  const document = await loadSpec(path);
  const diagnostics = lintDocument(document, presetConfig("strict", ALL_RULES));
  expect(
    diagnostics.filter((d) => d.message.startsWith("internal error in rule")).map((d) => `${d.ruleId}: ${d.message}`),
  ).toEqual([]);
  const linesOf = new Map<string, string[]>();
  for (const d of diagnostics) {
    const source = document.files.get(d.file);
    expect(source, `${d.ruleId} reported in a file outside the document: ${d.file}`).toBeDefined();
    let lines = linesOf.get(d.file);
    if (!lines) linesOf.set(d.file, (lines = source!.text.split("\n")));
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines.length);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 1);
  }
  return diagnostics;
}
