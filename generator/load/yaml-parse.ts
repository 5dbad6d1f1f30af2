// Everything that needs the yaml package, loaded only when a YAML text must really be parsed (yaml-value-cache.ts
// keeps what an earlier run parsed): its value, and where its nodes start (yaml-positions.ts), or the SpecLoadError
// that says what is wrong with it.
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document as YamlDocument,
  type Node as YamlNode,
} from "yaml";
import { LineIndex } from "./line-index.js";
import { SpecLoadError } from "./load-error.js";
import { isStackOverflow } from "./stack-overflow.js";
import { YAML_OPTIONS } from "./yaml-value-cache.js";
import type { PositionEntry, PositionTree } from "./yaml-positions.js";

/** The value and positions of a YAML file; a SpecLoadError for a syntax error, an alias bomb or too deep a nesting. */
export function parseYaml(path: string, text: string): { value: unknown; positions: PositionTree } {
  const doc = parsedDocument(path, text);
  return { value: yamlValue(path, doc), positions: yamlPositionTree(path, doc) };
}

/** The YAML document with source ranges; a SpecLoadError for a syntax error or a file that nests too deeply. */
function parsedDocument(path: string, text: string): YamlDocument.Parsed {
  let doc: YamlDocument.Parsed;
  try {
    doc = parseDocument(text, YAML_OPTIONS.parse);
  } catch (error) {
    if (isStackOverflow(error)) throw yamlTooDeep(path);
    throw error;
  }
  const firstError = doc.errors[0];
  if (firstError && isStackOverflow(firstError)) throw yamlTooDeep(path);
  if (firstError) {
    const at = new LineIndex(text).position(firstError.pos[0]);
    throw new SpecLoadError({
      message: `YAML syntax error: ${firstError.message.split("\n")[0]}`,
      file: path,
      line: at.line,
      column: at.column,
      fix: "correct the YAML at that place (indentation, a missing colon or quote, or a duplicated key)",
    });
  }
  return doc;
}

/** Where the nodes of a parsed YAML document start; recursive like the parse itself, so as deep as it goes. */
function yamlPositionTree(path: string, doc: YamlDocument.Parsed): PositionTree {
  try {
    return positionTree(doc);
  } catch (error) {
    if (isStackOverflow(error)) throw yamlTooDeep(path);
    throw error;
  }
}

/** The plain value of a parsed YAML document, its aliases expanded (at most MAX_YAML_ALIASES). */
function yamlValue(path: string, doc: YamlDocument.Parsed): unknown {
  try {
    return doc.toJS({ maxAliasCount: YAML_OPTIONS.maxAliasCount });
  } catch (error) {
    if (isStackOverflow(error)) throw yamlTooDeep(path);
    throw new SpecLoadError({
      message: `YAML could not be expanded: ${(error as Error).message}`,
      file: path,
      fix: "remove the alias chain that expands exponentially (YAML anchors/aliases)",
    });
  }
}

/** The position tree of a parsed document (yaml-positions.ts). */
export function positionTree(document: YamlDocument.Parsed): PositionTree {
  return treeOf(document.contents);
}

function treeOf(node: unknown): PositionTree {
  const start = rangeStart(node);
  if (isMap(node)) {
    const entries: Record<string, PositionEntry> = {};
    for (const pair of node.items) {
      const key = isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : undefined;
      // The first entry of a key wins, as a lookup by key finds it; `__proto__` is an entry like any other.
      if (key !== undefined && !Object.hasOwn(entries, key))
        Object.defineProperty(entries, key, {
          value: [rangeStart(pair.key), treeOf(pair.value)],
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return [start, entries];
  }
  if (isSeq(node)) return [start, node.items.map((item): PositionEntry => [rangeStart(item), treeOf(item)])];
  return [start];
}

function rangeStart(node: unknown): number | null {
  const range = (node as YamlNode | undefined)?.range;
  return range ? range[0] : null;
}

function yamlTooDeep(path: string): SpecLoadError {
  return new SpecLoadError({
    message: "YAML nests too deeply to parse (thousands of levels)",
    file: path,
    fix: "flatten the structure: move nested schemas into components and reference them with $ref",
  });
}
