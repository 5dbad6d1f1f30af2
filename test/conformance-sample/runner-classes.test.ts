// The conformance run on one small spec holding a case of each class it once counted as a failure, all correct
// behaviour: an HTTP scheme other than basic/bearer and API keys in a cookie and the query (the run passes a
// credential for every kind the client can send; Trello's `key` OR `token` schemes whose names are both required
// query parameters get the one auth does not send as a parameter), a Content-Type header parameter contradicting
// the body's media type (AWS tnb; OpenAPI says to ignore it), an operation documenting only an error, a 5xx too (the
// mock answers it by design), one documenting only a redirect (the client returns it), and mutual TLS, only a 101
// protocol switch or a TRACE (a method fetch refuses: untestable, named).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../corpus/corpus-specs.js";
import { conformSpec } from "../conformance/conform-spec.js";
import type { ConformResult } from "../conformance/outcome.js";

const SPEC = "test/conformance-sample/fixtures/runner-classes.json";

describe("conformance classes that are correct behaviour", () => {
  it("accepts them, and names why mutual TLS cannot be tried", { timeout: 120_000 }, async () => {
    const outDir = join(REPO_ROOT, ".tmp/conformance-runner-classes");
    rmSync(outDir, { recursive: true, force: true });
    const results: ConformResult[] = [];
    await conformSpec(SPEC, outDir, { start: () => undefined, end: (result) => results.push(result) });
    const conform = results.find((result) => result.stage === "conform");
    const byId = Object.fromEntries(
      (conform?.outcomes ?? []).map((o) => [
        o.id,
        {
          accepted: o.checks.accepted,
          failures: o.failures.map((f) => `${f.check}: ${f.message}`),
          untestable: o.untestable,
        },
      ]),
    );
    expect(byId).toEqual({
      listLinks: { accepted: true, failures: [], untestable: undefined },
      getSession: { accepted: true, failures: [], untestable: undefined },
      getBoard: { accepted: true, failures: [], untestable: undefined },
      putPackageContent: { accepted: true, failures: [], untestable: undefined },
      getLegacy: { accepted: true, failures: [], untestable: undefined },
      getHealth: { accepted: true, failures: [], untestable: undefined },
      bookingRedirect: { accepted: true, failures: [], untestable: undefined },
      getRealtime: {
        accepted: undefined,
        failures: [],
        untestable: "every documented answer is 1xx (a protocol switch), which no fetch call can take part in",
      },
      getCertified: {
        accepted: undefined,
        failures: [],
        untestable: "every security alternative needs a mutualTLS credential, which no request field carries",
      },
      traceAnything: {
        accepted: undefined,
        failures: [],
        untestable: "TRACE is a forbidden method of the Fetch standard (§2.2.1), which no fetch call can send",
      },
    });
  });
});
