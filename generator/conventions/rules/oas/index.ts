import type { AnyRule } from "../../rule.js";
import noEquivalentPaths from "./no-equivalent-paths.js";
import patternBacktracking from "./pattern-backtracking.js";
import schema from "./schema.js";

export const OAS_RULES: AnyRule[] = [schema, patternBacktracking, noEquivalentPaths];
