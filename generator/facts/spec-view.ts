// A spec document as the facts read it, whichever way the caller holds it: the model one bundled JSON value
// (model/json-view.ts), lint and diff a SpecDocument's located files (load/spec-view.ts). A fact written against it
// is written once and gives every layer the same answer.

/** What a fact reads of a document. */
export interface SpecView<N> {
  readonly root: N;
  value(node: N): unknown;
  /** The member `key` of an object node, without following `$ref`s. */
  member(node: N, key: string): N | undefined;
  /** The members of an object node in source order. */
  members(node: N): ReadonlyArray<readonly [string, N]>;
  /** Where a chain of `$ref`s ends; the node itself when it is not a ref, the last node reached when it is broken. */
  resolve(node: N): N;
  /** One string per place in the document: two nodes at one place are one schema. */
  place(node: N): string;
}
