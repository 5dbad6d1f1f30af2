import { operationTextRule } from "./operation-text.js";

/** Documentation only: off in `recommended`, a warning (never an error) in `strict`. */
export default operationTextRule({
  id: "oas/operation-description",
  description:
    "Every operation has a description saying what it does beyond its summary (behaviour, side effects, errors).",
  member: "description",
  recommended: "off",
  strict: "warn",
  fix: "what it does, its side effects and when it fails",
});
