import type { AnyRule } from "../../rule.js";
import schema from "./schema.js";
import patternBacktracking from "./pattern-backtracking.js";

export const OAS_RULES: AnyRule[] = [schema, patternBacktracking];
