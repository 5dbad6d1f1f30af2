import type { AnyRule } from "../../rule.js";
import majorInPath from "./major-in-path.js";
import consistent from "./consistent.js";
import infoVersion from "./info-version.js";
import strategy from "./strategy.js";

export const VERSIONING_RULES: AnyRule[] = [majorInPath, consistent, infoVersion, strategy];
