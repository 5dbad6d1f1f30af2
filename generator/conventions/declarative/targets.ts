import type { Located, SpecDocument } from "../../load/index.js";
import { unescapePointerToken } from "../../load/json-pointer.js";
import type { Visitors } from "../rule.js";
import type { GivenKind } from "./definition.js";

/** One node a declarative rule applies to: the node (after `$ref`s), its name where it has one, and how messages call it. */
export interface Target {
  node: Located;
  key: string | undefined;
  label: string;
}

/**
 * Visitors that hand every node of a kind (or every node a JSON-pointer pattern matches) to `each`, once per
 * source place: an operation's parameters and responses are often shared `$ref`s.
 */
export function targetVisitors(
  document: SpecDocument,
  given: GivenKind | `/${string}`,
  each: (target: Target) => void,
): Visitors {
  const seen = new Set<string>();
  const once = (target: Target) => {
    const place = `${target.node.at.file}#${target.node.at.pointer}`;
    if (seen.has(place)) return;
    seen.add(place);
    each(target);
  };
  switch (given) {
    case "operations":
      return {
        operation: (op) =>
          once({ node: op.node, key: undefined, label: `operation ${op.method.toUpperCase()} ${op.path}` }),
      };
    case "parameters":
      return {
        operation: (op) =>
          op.parameters.forEach((node) =>
            once({
              node,
              key: String(node.value.name),
              label: `parameter "${String(node.value.name)}" (${op.method.toUpperCase()} ${op.path})`,
            }),
          ),
      };
    case "responses":
      return {
        operation: (op) =>
          op.responses.forEach(({ status, response }) =>
            once({ node: response, key: status, label: `response ${status} of ${op.method.toUpperCase()} ${op.path}` }),
          ),
      };
    case "schemas":
      return {
        schema: ({ schema, propertyName }) =>
          once({
            node: schema,
            key: propertyName,
            label: propertyName === undefined ? "schema" : `property "${propertyName}"`,
          }),
      };
    case "properties":
      return {
        schema: ({ schema, propertyName }) =>
          propertyName === undefined
            ? undefined
            : once({ node: schema, key: propertyName, label: `property "${propertyName}"` }),
      };
    default:
      return { document: (root) => matchPointerPattern(document, root, given).forEach(once) };
  }
}

/** Nodes matching `/a/*\/b`: `*` stands for any one member; `$ref`s on the way are followed. */
export function matchPointerPattern(document: SpecDocument, root: Located, pattern: string): Target[] {
  const tokens = pattern.split("/").slice(1).map(unescapePointerToken);
  let level: Array<{ node: Located; key: string | undefined }> = [{ node: root, key: undefined }];
  for (const token of tokens) {
    const next: typeof level = [];
    for (const { node } of level) {
      const resolved = document.resolve(node);
      if (token === "*") for (const [key, child] of document.children(resolved)) next.push({ node: child, key });
      else {
        const child = document.child(resolved, token);
        if (child) next.push({ node: child, key: token });
      }
    }
    level = next;
  }
  return level.map(({ node, key }) => ({ node: document.resolve(node), key, label: node.at.pointer || "/" }));
}
