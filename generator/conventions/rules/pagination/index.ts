import type { AnyRule } from "../../rule.js";
import required from "./required.js";
import params from "./params.js";
import response from "./response.js";
import consistent from "./consistent.js";

export const PAGINATION_RULES: AnyRule[] = [required, params, response, consistent];
