import { DEFAULT_TAG_GROUP_THRESHOLD } from "../../generator/config/index.js";
import { parsePointer } from "../../generator/load/json-pointer.js";
import { isObject as isRecord } from "../../generator/facts/json-object.js";
import { HTTP_METHODS } from "../../generator/facts/http-methods.js";
import { listOperations, type OperationLine } from "./operations.js";

/**
 * Above this many operations (by default; `portal.tagGroupThreshold` in the config) the reference page lists tags and
 * Redoc shows one tag at a time: Redoc 2 renders every operation up front, which for GitHub's ~1,000 takes a minute
 * and a half in the browser (bench/portal.ts).
 */
export const LARGE_SPEC_OPERATIONS = DEFAULT_TAG_GROUP_THRESHOLD;

export interface TagGroup {
  name: string;
  /** The tag's URL segment: lowercase letters, digits and dashes, unique within the spec. */
  slug: string;
  description: string;
  operations: OperationLine[];
  /** The group of the spec's webhooks (3.1 `webhooks`, or `x-webhooks` as GitHub's 3.0 spec has them), after the tags. */
  webhooks?: true;
}

export const UNTAGGED = "(untagged)";
export const WEBHOOKS = "Webhooks";

export function isLargeSpec(bundled: Record<string, unknown>, threshold = LARGE_SPEC_OPERATIONS): boolean {
  return tagGroups(bundled).reduce((sum, group) => sum + group.operations.length, 0) > threshold;
}

/**
 * Where each operation of a large spec is, for links between groups: by operationId (Redoc's `#operation/<id>` and
 * `#tag/<tag>/operation/<id>`) and by `<method> <path>` (its `#tag/<tag>/paths/<path>/<method>` for one without an id).
 */
export function operationIndex(groups: readonly TagGroup[]): {
  operations: Record<string, string>;
  tags: Record<string, string>;
} {
  const operations: Record<string, string> = Object.create(null) as Record<string, string>;
  const tags: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const group of groups) {
    tags[group.name] = group.slug;
    for (const operation of group.operations) {
      if (operation.operationId) operations[operation.operationId] ??= group.slug;
      operations[`${operation.method.toLowerCase()} ${operation.path}`] ??= group.slug;
    }
  }
  return { operations, tags };
}

/** The index of a spec's groups as the file the tag pages fetch (compact: a script reads it), live and static alike. */
export function operationIndexJson(bundled: Record<string, unknown>): string {
  return JSON.stringify(operationIndex(tagGroups(bundled)));
}

export function findTagGroup(bundled: Record<string, unknown>, slug: string): TagGroup | undefined {
  return tagGroups(bundled).find((group) => group.slug === slug);
}

/** Per bundled document (one per load): pages and downloads of a large spec ask for its groups on every request. */
const groupsByDocument = new WeakMap<object, TagGroup[]>();

/** The operations grouped by their first tag, in the order of the `tags` list, then of first use. */
export function tagGroups(bundled: Record<string, unknown>): TagGroup[] {
  let groups = groupsByDocument.get(bundled);
  if (!groups) groupsByDocument.set(bundled, (groups = groupOperations(bundled)));
  return groups;
}

function groupOperations(bundled: Record<string, unknown>): TagGroup[] {
  const declared = Array.isArray(bundled.tags) ? bundled.tags.filter(isRecord) : [];
  const groups = new Map<string, TagGroup>();
  const used = new Set<string>();
  const groupOf = (name: string): TagGroup => {
    let group = groups.get(name);
    if (!group) {
      const base =
        name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-+|-+$/g, "") || "tag";
      let slug = base;
      for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
      used.add(slug);
      const tag = declared.find((candidate) => candidate.name === name);
      group = { name, slug, description: typeof tag?.description === "string" ? tag.description : "", operations: [] };
      groups.set(name, group);
    }
    return group;
  };
  for (const tag of declared) if (typeof tag.name === "string") groupOf(tag.name);
  for (const operation of listOperations(bundled)) groupOf(operation.tags[0] ?? UNTAGGED).operations.push(operation);
  const tagged = [...groups.values()].filter((group) => group.operations.length > 0);
  const webhooks = [
    ...listOperations({ paths: bundled.webhooks }),
    ...listOperations({ paths: bundled["x-webhooks"] }),
  ];
  if (webhooks.length === 0) return tagged;
  let slug = "webhooks";
  for (let n = 2; used.has(slug); n++) slug = `webhooks-${n}`;
  return [
    ...tagged,
    {
      name: WEBHOOKS,
      slug,
      description: "Requests the API sends to your endpoints.",
      operations: webhooks,
      webhooks: true,
    },
  ];
}

/**
 * The document with only the operations of one group (by first tag), and only the components they reach through
 * `$ref`s: Redoc's work grows with the whole document, not just with what it shows.
 */
export function specForTag(bundled: Record<string, unknown>, group: TagGroup): Record<string, unknown> {
  if (group.webhooks) return webhooksOnly(bundled);
  const members = new Set(group.operations.map((operation) => `${operation.method.toLowerCase()} ${operation.path}`));
  const paths: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(isRecord(bundled.paths) ? bundled.paths : {})) {
    if (!isRecord(item)) continue;
    const kept = Object.fromEntries(
      Object.entries(item).filter(([key]) => !OPERATION_KEYS.has(key) || members.has(`${key} ${path}`)),
    );
    if (Object.keys(kept).some((key) => OPERATION_KEYS.has(key))) paths[path] = kept;
  }
  // Webhooks (3.1, and GitHub's x-webhooks in 3.0) have a group of their own (webhooksOnly).
  const { webhooks: _webhooks, "x-webhooks": _xWebhooks, "x-tagGroups": _groups, components, ...rest } = bundled;
  const tags = Array.isArray(bundled.tags)
    ? bundled.tags.filter((tag) => isRecord(tag) && tag.name === group.name)
    : [];
  const cut: Record<string, unknown> = { ...rest, tags, paths };
  if (isRecord(components)) cut.components = reachableComponents(components, Object.values(cut));
  return cut;
}

/** The document with its webhooks and no paths: the Webhooks group's reference. */
function webhooksOnly(bundled: Record<string, unknown>): Record<string, unknown> {
  const { "x-tagGroups": _groups, components, paths: _paths, ...rest } = bundled;
  const cut: Record<string, unknown> = { ...rest, paths: {} };
  if (isRecord(components)) cut.components = reachableComponents(components, Object.values(cut));
  return cut;
}

/** The components that `roots` reach through local `$ref`s (`#/components/<kind>/<name>`), transitively; security schemes stay. */
function reachableComponents(components: Record<string, unknown>, roots: unknown[]): Record<string, unknown> {
  const kept: Record<string, Record<string, unknown>> = {};
  if (isRecord(components.securitySchemes)) kept.securitySchemes = components.securitySchemes;
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (isRecord(node)) {
      const ref = node.$ref;
      if (typeof ref === "string" && ref.startsWith("#/components/") && !seen.has(ref)) {
        seen.add(ref);
        const [, kind, name] = parsePointer(ref);
        const section = kind !== undefined ? components[kind] : undefined;
        if (kind !== undefined && name !== undefined && isRecord(section) && Object.hasOwn(section, name)) {
          (kept[kind] ??= Object.create(null) as Record<string, unknown>)[name] = section[name];
          pending.push(section[name]);
        }
      }
      for (const value of Object.values(node)) pending.push(value);
    }
  }
  return kept;
}

const OPERATION_KEYS: ReadonlySet<string> = new Set(HTTP_METHODS);
