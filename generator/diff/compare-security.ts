import type { Located, SpecDocument } from "../load/index.js";
import { isObject, type OperationInfo } from "../conventions/operation-info.js";
import type { JsonObject } from "../conventions/rule.js";
import { prefix, type DiffContext } from "./context.js";
import type { OperationKey } from "./types.js";

type Requirement = Map<string, Set<string>>;

/**
 * Security requirements are alternatives: a client that satisfied one of the old ones must satisfy one of the
 * new ones with no more schemes and no more scopes than it already has.
 */
export function compareSecurity(
  context: DiffContext,
  before: OperationInfo,
  after: OperationInfo,
  operation: OperationKey,
): void {
  const oldRequirements = before.security.map(toRequirement);
  const newRequirements = after.security.map(toRequirement);
  const where = {
    operation,
    old: securityNode(context.oldDoc, before).at,
    new: securityNode(context.newDoc, after).at,
  };
  const head = prefix(operation);
  const wasPublic = oldRequirements.length === 0 || oldRequirements.some((requirement) => requirement.size === 0);
  const isPublic = newRequirements.length === 0 || newRequirements.some((requirement) => requirement.size === 0);
  if (wasPublic && !isPublic) {
    const required = newRequirements.map(describe).join(" or ");
    if (schemes(context.oldDoc).size === 0)
      context.report(
        "security-requirement-documented",
        `${head}authentication is now documented (${required}); the old document described none`,
        where,
      );
    else context.report("security-requirement-added", `${head}now requires authentication (${required})`, where);
    return;
  }
  if (isPublic) {
    if (!wasPublic) context.report("security-requirement-relaxed", `${head}no longer requires authentication`, where);
    return;
  }
  for (const requirement of oldRequirements) {
    if (!newRequirements.some((candidate) => satisfiedBy(candidate, requirement))) {
      context.report(
        "security-requirement-changed",
        `${head}clients authenticating with ${describe(requirement)} are no longer accepted (now ${newRequirements.map(describe).join(" or ")})`,
        where,
      );
    }
  }
  for (const requirement of newRequirements) {
    // A requirement on the same schemes as an old one is that one changed (judged above), not a new way in.
    if (!oldRequirements.some((candidate) => sameSchemes(candidate, requirement))) {
      context.report(
        "security-requirement-relaxed",
        `${head}can now also authenticate with ${describe(requirement)}`,
        where,
      );
    }
  }
}

/** A security scheme used under the same name but defined differently breaks every client that uses it. */
export function compareSecuritySchemes(context: DiffContext): void {
  const before = schemes(context.oldDoc);
  const after = schemes(context.newDoc);
  for (const [name, oldScheme] of before) {
    const newScheme = after.get(name);
    if (!newScheme) continue;
    const changed = ["type", "in", "name", "scheme"].filter(
      (key) => stringOf(oldScheme.value[key])?.toLowerCase() !== stringOf(newScheme.value[key])?.toLowerCase(),
    );
    if (changed.length === 0) continue;
    const detail = changed
      .map((key) => `${key} ${stringOf(oldScheme.value[key]) ?? "none"} -> ${stringOf(newScheme.value[key]) ?? "none"}`)
      .join(", ");
    context.report("security-scheme-changed", `security scheme ${name} changed: ${detail}`, {
      old: oldScheme.at,
      new: newScheme.at,
    });
  }
}

function schemes(document: SpecDocument): Map<string, Located<JsonObject>> {
  const result = new Map<string, Located<JsonObject>>();
  const list = document.child(document.root, "components", "securitySchemes");
  if (!list) return result;
  for (const [name, declared] of document.children(list)) {
    const scheme = document.resolve(declared);
    if (isObject(scheme.value)) result.set(name, scheme as Located<JsonObject>);
  }
  return result;
}

function toRequirement(requirement: JsonObject): Requirement {
  return new Map(
    Object.entries(requirement).map(([scheme, scopes]) => [
      scheme,
      new Set(Array.isArray(scopes) ? scopes.map(String) : []),
    ]),
  );
}

/** True when a client holding `held` can meet `required`. */
function satisfiedBy(required: Requirement, held: Requirement): boolean {
  for (const [scheme, scopes] of required) {
    const heldScopes = held.get(scheme);
    if (!heldScopes) return false;
    for (const scope of scopes) if (!heldScopes.has(scope)) return false;
  }
  return true;
}

function sameSchemes(a: Requirement, b: Requirement): boolean {
  return a.size === b.size && [...a.keys()].every((scheme) => b.has(scheme));
}

function describe(requirement: Requirement): string {
  return (
    [...requirement]
      .map(([scheme, scopes]) => (scopes.size > 0 ? `${scheme} [${[...scopes].sort().join(", ")}]` : scheme))
      .sort()
      .join(" + ") || "no authentication"
  );
}

function securityNode(document: SpecDocument, operation: OperationInfo): Located {
  return document.child(operation.node, "security") ?? document.child(document.root, "security") ?? operation.node;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
