import type { AnyRule } from "../../rule.js";

export const ERROR_RULES: AnyRule[] = [];
