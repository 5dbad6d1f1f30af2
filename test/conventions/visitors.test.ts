// The lint engine's plumbing: every rule's visitors called in one walk, in rule order, with the place being visited
// known to suppression; a rule that throws is contained and named.
import { describe, expect, it } from "vitest";
import type { Located, NodeRef } from "../../generator/load/index.js";
import type { OperationInfo } from "../../generator/conventions/operation-info.js";
import type { Visitors } from "../../generator/conventions/rule.js";
import { combine, guard } from "../../generator/conventions/visitors.js";

const at = (pointer: string): NodeRef => ({ file: "/spec.yaml", pointer });
const located = (pointer: string): Located<Record<string, unknown>> =>
  ({ value: {}, at: at(pointer) }) as unknown as Located<Record<string, unknown>>;
const operation = (pointer: string) => ({ node: located(pointer) }) as unknown as OperationInfo;

describe("combine", () => {
  it("calls each rule's visitor in rule order, only for the visitors a rule has", () => {
    const calls: string[] = [];
    const combined = combine(
      [
        { document: () => calls.push("a.document"), operation: () => calls.push("a.operation") },
        { operation: () => calls.push("b.operation"), end: () => calls.push("b.end") },
      ],
      () => undefined,
    );
    combined.document!(located(""));
    combined.operation!(operation("/paths/~1pets/get"));
    combined.end!();
    expect(calls).toEqual(["a.document", "a.operation", "b.operation", "b.end"]);
  });

  it("leaves out the schema and server walks when no rule visits them (the walk skips them)", () => {
    const combined = combine([{ operation: () => undefined }], () => undefined);
    expect(combined.schema).toBeUndefined();
    expect(combined.server).toBeUndefined();
    expect(combine([{ schema: () => undefined }], () => undefined).schema).toBeTypeOf("function");
  });

  it("tells suppression which path item or operation is being visited, and clears it for schemas and the end", () => {
    const visiting: Array<string | undefined> = [];
    const combined = combine(
      [{ pathItem: () => undefined, operation: () => undefined, schema: () => undefined }],
      (place) => visiting.push(place?.pointer),
    );
    combined.pathItem!("/pets", located("/paths/~1pets"));
    combined.operation!(operation("/paths/~1pets/get"));
    combined.schema!({} as never);
    combined.end!();
    expect(visiting).toEqual(["/paths/~1pets", "/paths/~1pets/get", undefined, undefined]);
  });
});

describe("guard", () => {
  it("turns a throwing visitor into one named problem and keeps calling the rule's other visitors", () => {
    const failures: string[] = [];
    const calls: string[] = [];
    const visitors: Visitors = {
      operation: () => {
        throw new TypeError("cannot read 'x' of undefined");
      },
      end: () => calls.push("end"),
    };
    const guarded = guard("acme/boom", visitors, (message) => failures.push(message));
    expect(() => guarded.operation!(operation("/paths/~1a/get"))).not.toThrow();
    guarded.end!();
    expect(failures).toEqual([
      "internal error in rule acme/boom: cannot read 'x' of undefined (please report it; other rules ran)",
    ]);
    expect(calls).toEqual(["end"]);
  });

  it("calls the visitor with the rule's own `this` and the arguments, and adds no visitors the rule lacks", () => {
    const seen: unknown[] = [];
    const visitors = {
      prefix: "p:",
      pathItem(this: { prefix: string }, path: string) {
        seen.push(this.prefix + path);
      },
    };
    const guarded = guard("acme/this", visitors as Visitors, () => undefined);
    guarded.pathItem!("/pets", located("/paths/~1pets"));
    expect(seen).toEqual(["p:/pets"]);
    expect(Object.keys(guarded)).toEqual(["pathItem"]);
  });
});
