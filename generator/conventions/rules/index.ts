import type { AnyRule } from "../rule.js";
import { OAS_RULES } from "./oas/index.js";
import { PAGINATION_RULES } from "./pagination/index.js";
import { VERSIONING_RULES } from "./versioning/index.js";
import { ERROR_RULES } from "./errors/index.js";
import { REST_RULES } from "./rest/index.js";

/** Every rule specwright ships, in documentation order. */
export const ALL_RULES: readonly AnyRule[] = [
  ...OAS_RULES,
  ...PAGINATION_RULES,
  ...VERSIONING_RULES,
  ...ERROR_RULES,
  ...REST_RULES,
];
