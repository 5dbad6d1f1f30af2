import type { AnyRule } from "../../rule.js";
import examplesValid from "./examples-valid.js";
import noEquivalentPaths from "./no-equivalent-paths.js";
import noUnusedComponents from "./no-unused-components.js";
import operationDescription from "./operation-description.js";
import operationSecurity from "./operation-security.js";
import operationSummary from "./operation-summary.js";
import patternBacktracking from "./pattern-backtracking.js";
import schema from "./schema.js";
import servers from "./servers.js";

export const OAS_RULES: AnyRule[] = [
  schema,
  patternBacktracking,
  noEquivalentPaths,
  examplesValid,
  operationSummary,
  operationDescription,
  servers,
  operationSecurity,
  noUnusedComponents,
];
