export { applyPolicy, accepts, type ApplyPolicyOptions, type PolicyOutcome } from "./apply-policy.js";
export {
  parseOperationSelector,
  parseStabilitySelector,
  selectsOperation,
  type OperationSelector,
} from "./operation-selector.js";
export {
  EMPTY_POLICY,
  type AcceptEntry,
  type DiffPolicy,
  type EntryPlace,
  type StabilityLevel,
  type StabilityRule,
} from "./types.js";
