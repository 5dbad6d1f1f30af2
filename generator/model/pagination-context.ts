// What deciding an operation's pagination reads: the declaration as written and the operation's facts. Its own file
// so that declared (pagination.ts) and detected (pagination-detect.ts) pagination share it without importing each other.
import type { JsonSchema } from "./ir.js";

/** A declaration as written: every member is a query parameter name (`*Param`) or a dotted field path (`*Field`). */
export type PaginationDeclaration =
  | {
      style: "cursor";
      tokenParam?: string;
      sizeParam?: string;
      nextTokenField?: string;
      hasMoreField?: string;
      itemsField?: string;
    }
  | {
      style: "offset";
      offsetParam?: string;
      limitParam?: string;
      isLastField?: string;
      hasMoreField?: string;
      totalField?: string;
      itemsField?: string;
    }
  | { style: "link"; sizeParam?: string; itemsField?: string }
  | {
      style: "after";
      afterParam?: string;
      cursorField?: string;
      hasMoreField?: string;
      sizeParam?: string;
      itemsField?: string;
    };

export interface PaginationContext {
  method: string;
  path: string;
  /** JSON pointer of the operation (for errors). */
  pointer: string;
  /** Query parameters by wire name, with their schemas (a numeric offset needs numeric parameters). */
  queryParams: ReadonlyMap<string, JsonSchema>;
  /** Schema of the first 2xx JSON response, if any. */
  successSchema: JsonSchema | null;
  successHeaders: ReadonlySet<string>;
  /** The operation's `x-pagination` (or its config entry by operationId): a declaration, `false` to opt out, or undefined. */
  declared: unknown;
  /** Where `declared` comes from, for messages ("x-pagination" or "config pagination.<operationId>"). */
  declaredWhere: string;
  /** API-wide declaration from config, applied where it fits. */
  configured: PaginationDeclaration | undefined;
  /** Name of the items array in cursor envelopes (config; default "items"). */
  itemsField: string;
  /** False when config turns detection off (`pagination.auto: false`): only declarations page. */
  detect: boolean;
}
