export { loadSpec, type LoadOptions } from "./load.js";
export { bundleSpec } from "./bundle.js";
export {
  SpecDocument,
  refOf,
  type Located,
  type NodeRef,
  type SourceLocation,
  type SpecVersion,
  type StructuralProblem,
} from "./spec-document.js";
export { SpecLoadError } from "./load-error.js";
export { joinPointer, parsePointer, escapePointerToken } from "./json-pointer.js";
export { DISK_ACCESS, type FileAccess, type FileEntry } from "./file-access.js";
