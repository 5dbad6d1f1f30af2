import { describe, expect, it } from "vitest";
import { createPageTokenCodec, queryBinding } from "../../templates/runtime/server/page-token.js";
import { HttpProblem } from "../../templates/runtime/server/problem.js";

const codec = createPageTokenCodec("k".repeat(32));
const binding = queryBinding({ species: "cat", page_size: 10, page_token: "x" }, ["page_token", "page_size"]);

function problemOf(run: () => unknown): HttpProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error("expected an HttpProblem");
}

describe("page tokens", () => {
  it("round-trips a position for the same filters, ignoring page size", () => {
    const token = codec.sign({ after: "p42" }, binding);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const sameFilters = queryBinding({ page_size: 50, species: "cat" }, ["page_token", "page_size"]);
    expect(codec.verify(token, sameFilters, "query.page_token")).toEqual({ after: "p42" });
  });

  it("rejects a token reused with other filters", () => {
    const token = codec.sign("p42", binding);
    const other = queryBinding({ species: "dog" }, ["page_token", "page_size"]);
    const problem = problemOf(() => codec.verify(token, other, "query.page_token"));
    expect(problem.status).toBe(400);
    expect(problem.code).toBe("invalid_page_token");
  });

  it("rejects any modified character", () => {
    const token = codec.sign("p42", binding);
    for (let i = 0; i < token.length; i++) {
      if (token[i] === ".") continue;
      const tampered = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
      expect(problemOf(() => codec.verify(tampered, binding, "f")).status).toBe(400);
    }
  });

  it("rejects a token signed with another secret, and garbage", () => {
    const foreign = createPageTokenCodec("z".repeat(32)).sign("p42", binding);
    expect(problemOf(() => codec.verify(foreign, binding, "f")).code).toBe("invalid_page_token");
    for (const garbage of ["", ".", "abc", "a.b.c", "%%%.%%%"]) {
      expect(problemOf(() => codec.verify(garbage, binding, "f")).status).toBe(400);
    }
  });

  it("refuses short secrets", () => {
    expect(() => createPageTokenCodec("short")).toThrow(/at least 32 bytes/);
  });
});
