// Which status the generated mock answers (conformance class 1d): always one the operation documents, so the
// development-mode response validation (responseKey) never answers 500 undocumented_status.
import { describe, expect, it } from "vitest";
import { mockStatus } from "../../generator/emit/server/mock-samples.js";
import type { Operation, Response } from "../../generator/model/ir.js";
import { responseKey } from "../../templates/runtime/server/operation-handler.js";

const op = (...statuses: string[]): Operation =>
  ({
    id: "op",
    responses: statuses.map((status): Response => ({ status, kind: "success", content: [], headers: [] })),
  }) as unknown as Operation;

describe("mockStatus", () => {
  it.each([
    [["default", "404", "201", "200"], 201],
    [["204"], 204],
    [["302", "404"], 302],
    [["2XX", "default"], 200],
    [["default"], 200],
    [["4XX"], 400],
    [["403"], 403],
    [["400", "401", "404"], 400],
  ])("%j answers %i, a status documented for the operation", (statuses, expected) => {
    const operation = op(...statuses);
    const { status } = mockStatus(operation);
    expect(status).toBe(expected);
    expect(responseKey(Object.fromEntries(statuses.map((s) => [s, null])), status)).toBeDefined();
  });
});
