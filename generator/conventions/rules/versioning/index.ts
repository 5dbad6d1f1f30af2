import type { AnyRule } from "../../rule.js";
import majorInPath from "./major-in-path.js";

export const VERSIONING_RULES: AnyRule[] = [majorInPath];
