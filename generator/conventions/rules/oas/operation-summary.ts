import { operationTextRule } from "./operation-text.js";

/** A summary is what docs portals, generated client docs and Redocly/Spectral show as the operation's title. */
export default operationTextRule({
  id: "oas/operation-summary",
  description: "Every operation has a summary: the one line that names it in docs and in generated client comments.",
  member: "summary",
  recommended: "warn",
  fix: 'a short phrase such as "List pets"',
});
