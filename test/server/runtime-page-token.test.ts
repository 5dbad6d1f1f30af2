import { createHmac } from "node:crypto";
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

  it("rejects a tag differing only in the spare bits of its last base64url character", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const token = codec.sign("p42", binding);
    const last = alphabet.indexOf(token.at(-1) ?? "");
    const variant = token.slice(0, -1) + (alphabet[last ^ 1] ?? "");
    expect(Buffer.from(variant.split(".")[1] ?? "", "base64url")).toEqual(
      Buffer.from(token.split(".")[1] ?? "", "base64url"),
    );
    expect(problemOf(() => codec.verify(variant, binding, "f")).code).toBe("invalid_page_token");
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

  describe("maxAge", () => {
    const secret = "k".repeat(32);
    let clock = 1_000_000_000_000;
    const aging = createPageTokenCodec(secret, { maxAgeSeconds: 60, now: () => clock });
    /** A token as issued before tokens carried their issue time: `{p, q}` only. */
    const legacyToken = (): string => {
      const modern = codec.sign("p42", binding);
      const body = Buffer.from(
        JSON.stringify({
          p: "p42",
          q: (JSON.parse(Buffer.from(modern.split(".")[0] ?? "", "base64url").toString()) as { q: string }).q,
        }),
      ).toString("base64url");
      return `${body}.${createHmac("sha256", secret).update(body).digest("base64url")}`;
    };

    it("signs the issue time into the token and accepts it within maxAge", () => {
      const token = aging.sign("p42", binding);
      const payload = JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString()) as { t?: number };
      expect(payload.t).toBe(Math.floor(clock / 1000));
      clock += 60_000;
      expect(aging.verify(token, binding, "query.page_token")).toBe("p42");
    });

    it("refuses a token older than maxAge with a 400 saying it expired", () => {
      const token = aging.sign("p42", binding);
      clock += 61_000;
      const problem = problemOf(() => aging.verify(token, binding, "query.page_token"));
      expect([problem.status, problem.code]).toEqual([400, "expired_page_token"]);
      expect(problem.message).toMatch(/expired/);
      expect(problem.errors).toEqual([
        { field: "query.page_token", code: "expired_page_token", message: problem.message },
      ]);
    });

    it("keeps accepting tokens without an issue time only while maxAge is unset", () => {
      const legacy = legacyToken();
      expect(codec.verify(legacy, binding, "f")).toBe("p42");
      expect(problemOf(() => aging.verify(legacy, binding, "f")).code).toBe("expired_page_token");
    });

    it("refuses a maxAge that is not a positive number of seconds", () => {
      for (const maxAgeSeconds of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => createPageTokenCodec(secret, { maxAgeSeconds })).toThrow(/pageTokenMaxAgeSeconds/);
      }
    });
  });
});

describe("page-token secret rotation", () => {
  const oldSecret = "o".repeat(32);
  const newSecret = "n".repeat(32);

  it("accepts a token signed by the old secret after rotation, and signs new ones with the first secret", () => {
    const before = createPageTokenCodec(oldSecret);
    const token = before.sign({ after: "p1" }, binding);
    const rotated = createPageTokenCodec([newSecret, oldSecret]);
    expect(rotated.verify(token, binding, "query.page_token")).toEqual({ after: "p1" });
    const fresh = rotated.sign("p2", binding);
    expect(createPageTokenCodec(newSecret).verify(fresh, binding, "f")).toBe("p2");
    expect(problemOf(() => before.verify(fresh, binding, "f")).code).toBe("invalid_page_token");
  });

  it("refuses a token from a secret not in the list", () => {
    const stranger = createPageTokenCodec("s".repeat(32)).sign("p1", binding);
    const problem = problemOf(() =>
      createPageTokenCodec([newSecret, oldSecret]).verify(stranger, binding, "query.page_token"),
    );
    expect([problem.status, problem.code]).toEqual([400, "invalid_page_token"]);
  });

  it("refuses an empty list and names a short entry", () => {
    expect(() => createPageTokenCodec([])).toThrow(/empty list/);
    expect(() => createPageTokenCodec([newSecret, "short"])).toThrow(/entry 1.*at least 32 bytes/);
  });
});
