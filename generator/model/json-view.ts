// A bundled document (one JSON value, internal `$ref`s only) as the facts of generator/facts/ read it.
import type { SpecView } from "../facts/spec-view.js";
import { getAtPointer, joinPointer, parsePointer } from "../load/json-pointer.js";
import { isObject, refOf } from "./refs.js";

/** A value of the document and its JSON pointer. */
export interface JsonNode {
  value: unknown;
  pointer: string;
}

export function jsonViewOf(root: Readonly<Record<string, unknown>>): SpecView<JsonNode> {
  return {
    root: { value: root, pointer: "" },
    value: (node) => node.value,
    member: (node, key) =>
      isObject(node.value) && Object.prototype.hasOwnProperty.call(node.value, key)
        ? { value: node.value[key], pointer: joinPointer(node.pointer, key) }
        : undefined,
    members: (node) =>
      isObject(node.value)
        ? Object.entries(node.value).map(([key, value]) => [key, { value, pointer: joinPointer(node.pointer, key) }])
        : [],
    resolve: (node) => {
      // Like RefResolver.resolve, but keeping the place; a cycle or a dangling ref ends at the last ref reached.
      const seen = new Set<string>();
      let current = node;
      for (let ref = refOf(current.value); ref?.startsWith("#") && !seen.has(ref); ref = refOf(current.value)) {
        seen.add(ref);
        const target = getAtPointer(root, parsePointer(ref));
        if (target === undefined) return current;
        current = { value: target, pointer: ref.slice(1) };
      }
      return current;
    },
    place: (node) => node.pointer,
  };
}
