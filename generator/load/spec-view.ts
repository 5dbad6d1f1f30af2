// A SpecDocument as the facts of generator/facts/ read it: located nodes, `$ref`s followed across its files.
import type { SpecView } from "../facts/spec-view.js";
import type { Located, SpecDocument } from "./spec-document.js";

const views = new WeakMap<SpecDocument, SpecView<Located>>();

/** One view per document, so what is worked out from it (facts/error-schema.ts caches per view) is worked out once. */
export function specViewOf(document: SpecDocument): SpecView<Located> {
  let view = views.get(document);
  if (!view) {
    view = {
      root: document.root,
      value: (node) => node.value,
      member: (node, key) => document.child(node, key),
      members: (node) => document.children(node),
      resolve: (node) => document.resolve(node),
      place: (node) => `${node.at.file}#${node.at.pointer}`,
    };
    views.set(document, view);
  }
  return view;
}
