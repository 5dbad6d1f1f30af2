import type { NodeRef, SpecDocument } from "../load/index.js";
import { compareDiagnostics, ruleDocUrl, type Diagnostic, type Severity, type SeveritySetting } from "./diagnostic.js";
import type { LintConfig } from "./lint-config.js";
import type { AnyRule, Visitors } from "./rule.js";
import { isSuppressed } from "./suppression.js";
import { walkDocument } from "./walk.js";
import { ALL_RULES } from "./rules/index.js";

/** Runs every enabled rule over the document in one walk; returns the problems sorted by place. */
export function lintDocument(document: SpecDocument, config: LintConfig, rules: readonly AnyRule[] = ALL_RULES): Diagnostic[] {
  const found: Array<{ ruleId: string; severity: Severity; message: string; at: NodeRef }> = [];
  const seen = new Set<string>();
  const active: Visitors[] = [];
  // The path item or operation being visited: its `x-specwright-ignore` also covers what rules report behind its `$ref`s.
  let visiting: NodeRef | undefined;

  for (const rule of rules) {
    const setting = config.rules[rule.id];
    if (!setting || setting.severity === "off") continue;
    const report = (problem: { message: string; at: NodeRef }) => {
      const severity = severityAt(config, rule.id, setting.severity, problem.at, document.rootFile);
      if (severity === "off" || isSuppressed(document, problem.at, rule.id) || (visiting && isSuppressed(document, visiting, rule.id))) return;
      const key = `${rule.id}\u0000${problem.at.file}\u0000${problem.at.pointer}\u0000${problem.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      found.push({ ruleId: rule.id, severity, message: problem.message, at: problem.at });
    };
    const visitors = rule.create({ document, settings: config.settings, options: { ...rule.defaultOptions, ...setting.options }, report });
    active.push(guard(rule.id, visitors, (message) => report({ message, at: { file: document.rootFile, pointer: "" } })));
  }
  walkDocument(document, combine(active, (at) => (visiting = at)));
  // Positions are looked up once for all problems: one scan of each file instead of one per problem.
  const places = document.locateMany(found.map((problem) => problem.at));
  const diagnostics = found.map((problem, i): Diagnostic => {
    const place = places[i]!;
    return { ruleId: problem.ruleId, severity: problem.severity, message: problem.message, file: place.file, pointer: place.pointer, line: place.line, column: place.column, docUrl: ruleDocUrl(problem.ruleId) };
  });
  return diagnostics.sort(compareDiagnostics);
}

function severityAt(config: LintConfig, ruleId: string, base: SeveritySetting, at: NodeRef, rootFile: string): SeveritySetting {
  if (!config.pointerOverrides || at.file !== rootFile) return base;
  let best: { length: number; severity: SeveritySetting } | undefined;
  for (const override of config.pointerOverrides) {
    const severity = override.rules[ruleId];
    if (severity === undefined) continue;
    const matches = at.pointer === override.pointer || at.pointer.startsWith(override.pointer + "/");
    if (matches && (!best || override.pointer.length > best.length)) best = { length: override.pointer.length, severity };
  }
  return best?.severity ?? base;
}

/** One set of visitors that calls every rule's, so the walk happens once. */
function combine(all: Visitors[], setVisiting: (at: NodeRef | undefined) => void): Visitors {
  const calls = <K extends keyof Visitors>(name: K) => all.map((v) => v[name]?.bind(v)).filter((f): f is NonNullable<Visitors[K]> => f !== undefined);
  const document = calls("document");
  const server = calls("server");
  const pathItem = calls("pathItem");
  const operation = calls("operation");
  const schema = calls("schema");
  const end = calls("end");
  return {
    document: (root) => document.forEach((f) => f(root)),
    server: server.length ? (node) => server.forEach((f) => f(node)) : undefined,
    pathItem: (path, item) => {
      setVisiting(item.at);
      pathItem.forEach((f) => f(path, item));
    },
    operation: (op) => {
      setVisiting(op.node.at);
      operation.forEach((f) => f(op));
    },
    schema: schema.length
      ? (visit) => {
          setVisiting(undefined);
          schema.forEach((f) => f(visit));
        }
      : undefined,
    end: () => {
      setVisiting(undefined);
      end.forEach((f) => f());
    },
  };
}

/** A rule that throws on some odd document is reported as a problem of that rule, and the other rules go on. */
function guard(ruleId: string, visitors: Visitors, fail: (message: string) => void): Visitors {
  const wrapped: Visitors = {};
  for (const name of Object.keys(visitors) as Array<keyof Visitors>) {
    const fn = visitors[name] as ((...args: unknown[]) => void) | undefined;
    if (!fn) continue;
    (wrapped as Record<string, unknown>)[name] = (...args: unknown[]) => {
      try {
        fn.apply(visitors, args);
      } catch (error) {
        fail(`internal error in rule ${ruleId}: ${(error as Error).message} (please report it; other rules ran)`);
      }
    };
  }
  return wrapped;
}
