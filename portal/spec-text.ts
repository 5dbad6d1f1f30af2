import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { stringify } from "yaml";

export type SpecFormat = "json" | "yaml";

// Shared objects in the bundle must be written out, not turned into YAML anchors other tools may reject.
const YAML_OPTIONS = { aliasDuplicateObjects: false, lineWidth: 0 } as const;

/**
 * Objects this deep (the document, `paths` or `components`, then one path item or one kind of component) are written
 * member by member; below that a member is serialised whole. Serialising Microsoft Graph beta (47 MB of JSON) in one
 * piece builds a YAML tree of the whole document (+500 MB) and a 58 MB string; one member at a time needs neither.
 */
const CHUNK_DEPTH = 3;

/**
 * The spec as text, in pieces that join to `JSON.stringify(spec, null, 2) + "\n"` or to the `yaml` package's
 * `stringify` of it: a member's text does not depend on its siblings, and JSON strings hold no raw line breaks, so
 * a nested member's text is its text at the top, indented.
 */
export function specChunks(spec: unknown, format: SpecFormat): Iterable<string> {
  return format === "json" ? jsonText(spec, CHUNK_DEPTH, "", "\n") : yamlText(spec);
}

export function serializeSpec(spec: unknown, format: SpecFormat): string {
  return [...specChunks(spec, format)].join("");
}

/** Writes the spec to `file` piece by piece (about a megabyte per write), never holding its whole text. */
export async function writeSpecFile(file: string, spec: unknown, format: SpecFormat): Promise<void> {
  const out = createWriteStream(file);
  const failed = once(out, "error").then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  let pending: string[] = [];
  let length = 0;
  const flush = async () => {
    if (!out.write(pending.join(""))) await Promise.race([once(out, "drain"), failed]);
    pending = [];
    length = 0;
  };
  for (const chunk of specChunks(spec, format)) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= 1 << 20) await flush();
  }
  if (length > 0) await flush();
  out.end();
  await Promise.race([once(out, "finish"), failed]);
}

function* jsonText(value: unknown, depth: number, indent: string, end = ""): Generator<string> {
  const members = depth > 0 && isPlainObject(value) ? definedMembers(value) : undefined;
  if (!members || members.length === 0) {
    // JSON.stringify's own layout, shifted right: the line breaks it writes are the only ones in its text.
    yield JSON.stringify(value, null, 2).replaceAll("\n", `\n${indent}`) + end;
    return;
  }
  const inner = `${indent}  `;
  let separator = "{\n";
  for (const [key, member] of members) {
    yield `${separator}${inner}${JSON.stringify(key)}: `;
    yield* jsonText(member, depth - 1, inner);
    separator = ",\n";
  }
  yield `\n${indent}}${end}`;
}

function* yamlText(value: unknown): Generator<string> {
  const members = isPlainObject(value) ? definedMembers(value) : undefined;
  if (!members || members.length === 0) {
    yield stringify(value, YAML_OPTIONS);
    return;
  }
  for (const [key, member] of members) yield* yamlPair(key, member, CHUNK_DEPTH - 1, "");
}

function* yamlPair(key: string, value: unknown, depth: number, indent: string): Generator<string> {
  const members = depth > 0 && isPlainObject(value) ? definedMembers(value) : undefined;
  if (members && members.length > 0) {
    // `key: {}` on one line means a plain or quoted key; anything else (a `? ` explicit key) is written whole.
    const head = stringify({ [key]: {} }, YAML_OPTIONS);
    if (/^[^\n]*: \{\}\n$/.test(head)) {
      yield `${indent}${head.slice(0, -" {}\n".length)}\n`;
      for (const [name, member] of members) yield* yamlPair(name, member, depth - 1, `${indent}  `);
      return;
    }
  }
  const text = stringify({ [key]: value }, YAML_OPTIONS);
  // Empty lines (inside block scalars) stay empty, as the yaml package writes them at any depth. Only "\n" breaks
  // lines: a block scalar may hold a "\r" or U+2028, which a multiline regex would also take for a line start.
  yield indent === ""
    ? text
    : text
        .split("\n")
        .map((line) => (line === "" ? line : indent + line))
        .join("\n");
}

function definedMembers(value: Record<string, unknown>): [string, unknown][] {
  // JSON.stringify and the yaml package both leave out members whose value is undefined.
  return Object.entries(value).filter(([, member]) => member !== undefined);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
