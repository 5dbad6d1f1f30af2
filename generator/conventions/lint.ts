import type { NodeRef, SpecDocument } from "../load/index.js";
import { compareDiagnostics, ruleDocUrl, type Diagnostic, type Severity, type SeveritySetting } from "./diagnostic.js";
import type { LintConfig } from "./lint-config.js";
import type { AnyRule, Visitors } from "./rule.js";
import { isSuppressed } from "./suppression.js";
import { walkDocument } from "./walk.js";
import { combine, guard, internalError } from "./visitors.js";
import { ALL_RULES } from "./rules/index.js";

/** The rules a lint config runs: the built-in ones and its custom (plugin, declarative) ones. */
export function rulesOf(config: LintConfig): readonly AnyRule[] {
  return config.customRules?.length ? [...ALL_RULES, ...config.customRules] : ALL_RULES;
}

/** Runs every enabled rule over the document in one walk; returns the problems sorted by place. */
export function lintDocument(
  document: SpecDocument,
  config: LintConfig,
  rules: readonly AnyRule[] = rulesOf(config),
): Diagnostic[] {
  const docs = new Map(rules.map((rule) => [rule.id, rule.docsUrl ?? ruleDocUrl(rule.id)]));
  const found: Array<{ ruleId: string; severity: Severity; message: string; at: NodeRef }> = [];
  const seen = new Set<string>();
  const active: Visitors[] = [];
  // The path item or operation being visited: its `x-specwright-ignore` also covers what rules report behind its `$ref`s.
  let visiting: NodeRef | undefined;

  for (const rule of rules) {
    const setting = config.rules[rule.id];
    if (!setting || setting.severity === "off") continue;
    const report = (problem: { message: string; at: NodeRef }) => {
      // Plugin rules are JavaScript: a call without a place throws here, inside the guard, which names the rule.
      if (typeof problem?.at?.file !== "string" || typeof problem.at.pointer !== "string")
        throw new Error("report() needs `at`: the `at` of a node ({ file, pointer })");
      const severity = severityAt(config, rule.id, setting.severity, problem.at, document.rootFile);
      if (
        severity === "off" ||
        isSuppressed(document, problem.at, rule.id) ||
        (visiting && isSuppressed(document, visiting, rule.id))
      )
        return;
      const key = `${rule.id}\u0000${problem.at.file}\u0000${problem.at.pointer}\u0000${problem.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      found.push({ ruleId: rule.id, severity, message: problem.message, at: problem.at });
    };
    const crashed = (message: string) => report({ message, at: { file: document.rootFile, pointer: "" } });
    let visitors: Visitors;
    try {
      visitors = rule.create({
        document,
        settings: config.settings,
        options: { ...rule.defaultOptions, ...setting.options },
        report,
      });
      if (typeof visitors !== "object" || visitors === null)
        throw new Error("create(context) must return an object of visitors");
    } catch (error) {
      crashed(internalError(rule.id, error));
      continue;
    }
    active.push(guard(rule.id, visitors, crashed));
  }
  walkDocument(
    document,
    combine(active, (at) => (visiting = at)),
  );
  // Positions are looked up once for all problems: one scan of each file instead of one per problem.
  const places = document.locateMany(found.map((problem) => problem.at));
  const diagnostics = found.map((problem, i): Diagnostic => {
    const place = places[i]!;
    return {
      ruleId: problem.ruleId,
      severity: problem.severity,
      message: problem.message,
      file: place.file,
      pointer: place.pointer,
      line: place.line,
      column: place.column,
      docUrl: docs.get(problem.ruleId) ?? ruleDocUrl(problem.ruleId),
    };
  });
  return diagnostics.sort(compareDiagnostics);
}

function severityAt(
  config: LintConfig,
  ruleId: string,
  base: SeveritySetting,
  at: NodeRef,
  rootFile: string,
): SeveritySetting {
  if (!config.pointerOverrides || at.file !== rootFile) return base;
  let best: { length: number; severity: SeveritySetting } | undefined;
  for (const override of config.pointerOverrides) {
    const severity = override.rules[ruleId];
    if (severity === undefined) continue;
    const matches = at.pointer === override.pointer || at.pointer.startsWith(override.pointer + "/");
    if (matches && (!best || override.pointer.length > best.length))
      best = { length: override.pointer.length, severity };
  }
  return best?.severity ?? base;
}
