// The names of the grouped client methods (`api.<group>.<name>`), by one documented rule (issue 14):
// 1. an operation that is plainly the group's CRUD verb gets the verb's name: `list` (GET on a collection path),
//    `get` (GET on an item path, one ending in a `{parameter}`), `create` (POST on a collection path), `update`
//    (PATCH on an item), `replace` (PUT on an item), `delete` (DELETE on an item). "Plainly" means: it has no
//    operationId, or its operationId without the group's noun is empty or a single word meaning that verb
//    (`getTasks`, `listPets`, `deleteTask`, `findPet`);
// 2. when several operations claim one verb, the best fit keeps it: its remaining word is the verb itself, then
//    the shortest path, then the path and method in document order;
// 3. every other operation is named by its operationId without the group's noun (`reposListForOrg` -> `listForOrg`),
//    else, when that is taken or empty, by its whole operation id.
// Names are unique within a group (case-insensitively); each operation that did not get the name it asked for is
// reported as a Rename, so that the generated README can list the resolutions.
import type { HttpMethod, Rename } from "./ir.js";
import { camelIdentifier, NameScope, words } from "./identifiers.js";

/** "rule": the rule above; "operationId": every method is its operation id (`--names operationId`). */
export type NamingStyle = "rule" | "operationId";

export interface NamedOperation {
  id: string;
  operationId: string | undefined;
  method: HttpMethod;
  path: string;
}

const VERBS = {
  list: ["list", "get", "find", "all", "index", "fetch"],
  get: ["get", "find", "fetch", "read", "retrieve", "show", "describe"],
  create: ["create", "add", "post", "new", "insert", "make"],
  update: ["update", "patch", "modify", "edit", "change"],
  replace: ["replace", "put", "set", "update", "upsert"],
  delete: ["delete", "remove", "destroy", "del", "erase"],
} as const;
type Verb = keyof typeof VERBS;

function sameNoun(word: string, group: string): boolean {
  const w = word.toLowerCase();
  const g = words(group).join("").toLowerCase();
  return (
    w === g || w + "s" === g || w + "es" === g || w === g + "s" || (w.endsWith("y") && w.slice(0, -1) + "ies" === g)
  );
}

/** The words of the operation id without the group's noun (at its start, or at the end of a two-word id). */
function ownWords(id: string, groupRaw: string): string[] {
  const parts = words(id);
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first !== undefined && sameNoun(first, groupRaw)) return parts.slice(1);
  if (parts.length === 2 && last !== undefined && sameNoun(last, groupRaw)) return parts.slice(0, 1);
  return parts;
}

/** The id without the group noun when what remains is a plain identifier ("reposListForOrg" -> "listForOrg"), else the id. */
function shortName(id: string, groupRaw: string): string {
  const rest = ownWords(id, groupRaw);
  if (rest.length === 0) return id;
  const name = camelIdentifier(rest.join(" "), id);
  return name.endsWith("_") || name.startsWith("_") ? id : name;
}

function verbOf(op: NamedOperation): Verb | null {
  const item = /\}\/?$/.test(op.path);
  switch (op.method) {
    case "get":
      return item ? "get" : "list";
    case "post":
      return item ? null : "create";
    case "patch":
      return item ? "update" : null;
    case "put":
      return item ? "replace" : null;
    case "delete":
      return item ? "delete" : null;
    default:
      return null;
  }
}

/** How well `op` fits `verb`: 0 its own word is the verb, 1 a synonym, no operationId or nothing left; null: not at all. */
function fit(op: NamedOperation, verb: Verb, groupRaw: string): number | null {
  if (op.operationId === undefined) return 1;
  const rest = ownWords(op.id, groupRaw).map((word) => word.toLowerCase());
  if (rest.length === 0) return 1;
  const word = rest[0];
  if (rest.length !== 1 || word === undefined || !(VERBS[verb] as readonly string[]).includes(word)) return null;
  return word === verb ? 0 : 1;
}

const segments = (path: string) => path.split("/").filter(Boolean).length;

/** Names of one group's operations (given in document order), and the renames it took to keep them unique. */
export function methodNames(
  groupRaw: string,
  group: string,
  operations: readonly NamedOperation[],
  style: NamingStyle,
): { names: Map<string, string>; renames: Rename[] } {
  const names = new Map<string, string>();
  const renames: Rename[] = [];
  if (style === "operationId") {
    for (const op of operations) names.set(op.id, op.id);
    return { names, renames };
  }
  const scope = new NameScope();
  const holder = new Map<string, NamedOperation>();
  const wanted = new Map<string, string>();
  for (const verb of Object.keys(VERBS) as Verb[]) {
    const ranked = operations
      .map((op, order) => ({ op, order, fit: verbOf(op) === verb ? fit(op, verb, groupRaw) : null }))
      .filter((entry): entry is { op: NamedOperation; order: number; fit: number } => entry.fit !== null)
      .sort((a, b) => a.fit - b.fit || segments(a.op.path) - segments(b.op.path) || a.order - b.order);
    const [winner, ...losers] = ranked;
    if (!winner) continue;
    names.set(winner.op.id, scope.claim(verb));
    holder.set(verb, winner.op);
    for (const loser of losers) wanted.set(loser.op.id, verb);
  }
  for (const op of operations) {
    if (names.has(op.id)) continue;
    // A verb's loser keeps its whole id: its own short word (`get` of `getTasks`) would read as the verb it lost.
    const short = wanted.has(op.id) ? op.id : shortName(op.id, groupRaw);
    const name = scope.has(short) ? scope.claim(op.id) : scope.claim(short, op.id);
    names.set(op.id, name);
    const asked = wanted.get(op.id) ?? short;
    if (name !== asked) {
      const keeper =
        holder.get(asked) ??
        operations.find((other) => names.get(other.id)?.toLowerCase() === asked.toLowerCase() && other !== op);
      const by = keeper ? ` (kept by ${keeper.id}, ${keeper.method.toUpperCase()} ${keeper.path})` : "";
      renames.push({
        kind: "method",
        operation: op.id,
        where: group,
        wanted: asked,
        got: name,
        reason: `\`${asked}\` is taken${by}`,
      });
    }
  }
  return { names, renames };
}
