export { diffDocuments } from "./diff-documents.js";
export { allChecks, type CheckDescription } from "./checks.js";
export type {
  Classification,
  DiffChange,
  DiffResult,
  DiffSummary,
  OperationKey,
  VersionInfo,
  VersioningVerdict,
} from "./types.js";
