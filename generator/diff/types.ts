import type { SourceLocation } from "../load/index.js";

/**
 * How a change affects existing clients:
 * - breaking: a client written against the old document can fail against the new one;
 * - warning: may break some clients (a new enum value in a response, a removed optional header);
 * - non-breaking: additive or relaxing;
 * - info: worth knowing, no effect on clients (a deprecation, a new info.version).
 */
export type Classification = "breaking" | "warning" | "non-breaking" | "info";

export const CLASSIFICATIONS: readonly Classification[] = ["breaking", "warning", "non-breaking", "info"];

export interface OperationKey {
  method: string;
  /** The path as written in the new document (the old one when the operation was removed). */
  path: string;
  operationId?: string;
  /** True for a webhook (OpenAPI 3.1 `webhooks`): `path` is then the webhook's name. */
  webhook?: true;
}

/** One difference between the old and the new document. */
export interface DiffChange {
  /** Stable check id, e.g. `operation-removed`, `param-required-added`, `response-property-removed`. */
  id: string;
  classification: Classification;
  message: string;
  operation?: OperationKey;
  /** Where the changed node is in the old document (absent for additions). */
  old?: SourceLocation;
  /** Where the changed node is in the new document (for a removal: the place it was removed from). */
  new?: SourceLocation;
  /** Set when an accept-list entry covers this change (generator/diff/policy): it does not fail the gate. */
  accepted?: AcceptedMark;
  /** Set when the policy changed the classification the check gives: `diff.severity`, or an alpha/beta operation. */
  reclassified?: { from: Classification; reason: string; entry?: { file: string; line: number; column: number } };
}

/** Why a change is accepted: the entry's reason, the last day it holds, and where the entry is written. */
export interface AcceptedMark {
  reason: string;
  expires: string;
  entry: { file: string; line: number; column: number };
}

export interface VersionInfo {
  /** Major from the `/v{N}` segment of the server URLs (or, failing that, of the paths). */
  urlMajor?: number;
  /** `info.version` as written. */
  infoVersion?: string;
  /** Major of `info.version` when it starts with a number (`2.0.0`, `v2`). */
  infoMajor?: number;
}

export interface VersioningVerdict {
  ruleId: "versioning/breaking-change";
  old: VersionInfo;
  new: VersionInfo;
  /** True when the new document carries a higher major version than the old one. */
  majorBumped: boolean;
  /** `fail` when there is a breaking change and the major version was not bumped. */
  verdict: "pass" | "fail";
  message: string;
}

export interface DiffSummary {
  breaking: number;
  warning: number;
  nonBreaking: number;
  info: number;
  /** Changes covered by the accept-list (counted under their classification too). */
  accepted?: number;
}

export interface DiffResult {
  oldFile: string;
  newFile: string;
  changes: DiffChange[];
  summary: DiffSummary;
  versioning: VersioningVerdict;
  /** Accept-list entries that matched no change (a warning: the entry is stale or mistyped). */
  unmatchedAccepts?: Array<{
    check: string;
    operation?: string;
    pointer?: string;
    entry: { file: string; line: number; column: number };
  }>;
}
