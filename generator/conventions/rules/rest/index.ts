import type { AnyRule } from "../../rule.js";

export const REST_RULES: AnyRule[] = [];
