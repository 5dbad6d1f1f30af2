// How the rules' visitors run: all of them in one walk (combine), each behind a guard so a rule that throws is
// reported as a problem of that rule while the others go on.
import type { NodeRef } from "../load/index.js";
import type { Visitors } from "./rule.js";

/** One set of visitors that calls every rule's, so the walk happens once. */
export function combine(all: Visitors[], setVisiting: (at: NodeRef | undefined) => void): Visitors {
  const calls = <K extends keyof Visitors>(name: K) =>
    all.map((v) => v[name]?.bind(v)).filter((f): f is NonNullable<Visitors[K]> => f !== undefined);
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
export function guard(ruleId: string, visitors: Visitors, fail: (message: string) => void): Visitors {
  const wrapped: Visitors = {};
  for (const name of Object.keys(visitors) as Array<keyof Visitors>) {
    const fn: unknown = visitors[name];
    // Only visitors: a rule's object may carry its own state or helpers beside them (plugin rules often do).
    if (typeof fn !== "function") continue;
    (wrapped as Record<string, unknown>)[name] = (...args: unknown[]) => {
      try {
        fn.apply(visitors, args);
      } catch (error) {
        fail(internalError(ruleId, error));
      }
    };
  }
  return wrapped;
}

/** The problem a crashing rule is reported as. */
export function internalError(ruleId: string, error: unknown): string {
  return `internal error in rule ${ruleId}: ${error instanceof Error ? error.message : String(error)} (please report it; other rules ran)`;
}
