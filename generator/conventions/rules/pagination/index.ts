import type { AnyRule } from "../../rule.js";

export const PAGINATION_RULES: AnyRule[] = [];
