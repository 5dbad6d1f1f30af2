import type { SpecDocument } from "../../load/index.js";
import { ConfigError } from "../../load/config-error.js";
import { compareChanges, summarize } from "../diff-documents.js";
import { versioningVerdict } from "../versioning.js";
import type { DiffChange, DiffResult } from "../types.js";
import { parseOperationSelector, selectsOperation } from "./operation-selector.js";
import { StabilityLookup } from "./stability.js";
import type { AcceptEntry, DiffPolicy } from "./types.js";

export interface ApplyPolicyOptions {
  /** Today as `YYYY-MM-DD` (UTC by default): entries whose `expires` is before it are errors. */
  today?: string;
}

export interface PolicyOutcome {
  result: DiffResult;
  /** The accept entries that covered at least one change. */
  matched: Set<AcceptEntry>;
}

/**
 * The team's policy over the list of changes the checks found, in this order:
 * 1. `diff.severity` gives a check another classification;
 * 2. a breaking change of an alpha or beta operation (`x-stability`, or `diff.stability`) becomes info, with the reason;
 * 3. accept-list entries mark the changes they cover as accepted: they keep their classification but do not fail
 *    the gate. An expired entry is a ConfigError at the entry (exit 2); one that covers nothing is listed in
 *    `unmatchedAccepts`.
 * The summary and the versioning verdict are recomputed from the result.
 */
export function applyPolicy(
  result: DiffResult,
  oldDoc: SpecDocument,
  newDoc: SpecDocument,
  policy: DiffPolicy,
  options: ApplyPolicyOptions = {},
): PolicyOutcome {
  assertNoExpiredEntry(policy.accept, options.today ?? new Date().toISOString().slice(0, 10));
  const stability =
    policy.stability.length > 0 || result.changes.some((change) => change.classification === "breaking")
      ? new StabilityLookup(oldDoc, newDoc, policy.stability)
      : undefined;
  const matched = new Set<AcceptEntry>();
  let exempt = 0;
  const changes = result.changes.map((original) => {
    const change: DiffChange = { ...original };
    const override = policy.severity[change.id];
    if (override && override.classification !== change.classification) {
      change.reclassified = {
        from: change.classification,
        reason: `diff.severity makes ${change.id} ${override.classification}`,
        entry: override.at,
      };
      change.classification = override.classification;
    }
    const exemption =
      change.classification === "breaking" && change.operation ? stability?.exemption(change.operation) : undefined;
    if (exemption) {
      exempt++;
      change.reclassified = { from: change.reclassified?.from ?? "breaking", ...exemption };
      change.classification = "info";
    }
    const entry = policy.accept.find((candidate) => accepts(candidate, change));
    if (entry) {
      matched.add(entry);
      for (const other of policy.accept) if (accepts(other, change)) matched.add(other);
      change.accepted = { reason: entry.reason, expires: entry.expires, entry: entry.at };
    }
    return change;
  });
  changes.sort(compareChanges);
  const acceptedBreaking = changes.filter((change) => change.classification === "breaking" && change.accepted).length;
  const summary = { ...summarize(changes), accepted: changes.filter((change) => change.accepted).length };
  const versioning = versioningVerdict(
    result.versioning.old,
    result.versioning.new,
    summary.breaking - acceptedBreaking,
  );
  const notes = [
    acceptedBreaking > 0
      ? `${acceptedBreaking} accepted breaking change${acceptedBreaking > 1 ? "s" : ""} (accept-list)`
      : "",
    exempt > 0 ? `${exempt} breaking change${exempt > 1 ? "s" : ""} of alpha/beta operations reported as info` : "",
  ].filter(Boolean);
  if (acceptedBreaking > 0)
    versioning.message = versioning.message.replace(
      /^no breaking change/,
      "no breaking change outside the accept-list",
    );
  if (notes.length > 0) versioning.message += `; ${notes.join("; ")}`;
  const unmatchedAccepts = policy.accept.filter((entry) => !matched.has(entry)).map(describeEntry);
  return {
    result: { ...result, changes, summary, versioning, ...(unmatchedAccepts.length > 0 ? { unmatchedAccepts } : {}) },
    matched,
  };
}

/** Whether an entry covers a change: same check id; same operation (or both outside any); same pointer when given. */
export function accepts(entry: AcceptEntry, change: DiffChange): boolean {
  if (entry.check !== change.id) return false;
  if (entry.operation === undefined) {
    if (change.operation) return false;
  } else {
    const selector = parseOperationSelector(entry.operation);
    if ("error" in selector || !change.operation || !selectsOperation(selector, change.operation)) return false;
  }
  return entry.pointer === undefined || entry.pointer === change.old?.pointer || entry.pointer === change.new?.pointer;
}

export function describeEntry(entry: AcceptEntry): NonNullable<DiffResult["unmatchedAccepts"]>[number] {
  return {
    check: entry.check,
    ...(entry.operation !== undefined ? { operation: entry.operation } : {}),
    ...(entry.pointer !== undefined ? { pointer: entry.pointer } : {}),
    entry: entry.at,
  };
}

/** An accept entry past its date stops the run: the acceptance was meant to end, and silently failing or passing would hide that. */
function assertNoExpiredEntry(entries: readonly AcceptEntry[], today: string): void {
  const expired = entries.find((entry) => entry.expires < today);
  if (!expired) return;
  throw new ConfigError({
    message: `accept entry for ${expired.check}${expired.operation ? ` (${expired.operation})` : ""} expired on ${expired.expires}`,
    file: expired.at.file,
    line: expired.at.line,
    column: expired.at.column,
    fix: "the change was accepted only until then: remove the entry (release the change under a new major version, or undo it), or set a later `expires` with a current `reason`",
  });
}
