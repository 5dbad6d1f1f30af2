// Lint and generator must agree on what an x-pagination declaration may say (generator/model/pagination.ts).
import { describe, expect, it } from "vitest";
import { DECLARED_MEMBERS } from "../../../../generator/conventions/rules/pagination/declaration.js";
import { DECLARATION_MEMBERS } from "../../../../generator/model/pagination.js";

describe("x-pagination shape", () => {
  it("lint accepts exactly the members the generator accepts, per style", () => {
    for (const [style, members] of Object.entries(DECLARATION_MEMBERS)) {
      expect([...DECLARED_MEMBERS[style as keyof typeof DECLARED_MEMBERS]].sort(), style).toEqual([...members].sort());
    }
    expect(Object.keys(DECLARED_MEMBERS).sort()).toEqual(Object.keys(DECLARATION_MEMBERS).sort());
  });
});
