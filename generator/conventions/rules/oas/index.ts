import type { AnyRule } from "../../rule.js";
import schema from "./schema.js";

export const OAS_RULES: AnyRule[] = [schema];
