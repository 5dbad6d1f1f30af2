import { type ParseError, printParseErrorCode, parse as parseJsonc } from "jsonc-parser";
import { locateJsonPointers } from "./json-positions.js";
import { parseDocument, isMap, isSeq, isScalar, isPair, LineCounter, type Document as YamlDocument, type Node as YamlNode } from "yaml";
import { LineIndex } from "./line-index.js";
import { SpecLoadError } from "./load-error.js";
import { parsePointer } from "./json-pointer.js";

export interface SourcePosition {
  line: number;
  column: number;
}

/** Aliases beyond this count are a "billion laughs" expansion, not a real spec. */
const MAX_YAML_ALIASES = 1000;

/**
 * One parsed file of a spec: its plain value plus a way back from any JSON pointer to line:col.
 * JSON is parsed with JSON.parse (fast on 10 MB+ files) and positions are found by a targeted scan only for the
 * places asked for, so a lint of a huge JSON spec pays for positions in proportion to its problems.
 */
export class SourceFile {
  readonly path: string;
  readonly text: string;
  readonly format: "json" | "yaml";
  value: unknown;
  private lines: LineIndex | undefined;
  private readonly yamlDoc: YamlDocument.Parsed | undefined;

  private constructor(path: string, text: string, format: "json" | "yaml", value: unknown, yamlDoc?: YamlDocument.Parsed) {
    this.path = path;
    this.text = text;
    this.format = format;
    this.value = value;
    this.yamlDoc = yamlDoc;
  }

  static parse(path: string, text: string): SourceFile {
    const trimmed = text.trimStart();
    const looksJson = path.toLowerCase().endsWith(".json") || trimmed.startsWith("{") || trimmed.startsWith("[");
    if (looksJson) {
      try {
        return new SourceFile(path, text, "json", JSON.parse(text));
      } catch {
        if (path.toLowerCase().endsWith(".json")) throw jsonSyntaxError(path, text);
        // Not JSON after all (YAML flow style): fall through to the YAML parser.
      }
    }
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: false });
    const firstError = doc.errors[0];
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
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (error) {
      throw new SpecLoadError({
        message: `YAML could not be expanded: ${(error as Error).message}`,
        file: path,
        fix: "remove the alias chain that expands exponentially (YAML anchors/aliases)",
      });
    }
    return new SourceFile(path, text, "yaml", value, doc);
  }

  /** line:col of the node a pointer names; for an object member, the position of its key. Falls back to the deepest existing ancestor. */
  locate(pointer: string): SourcePosition {
    return this.locateMany([pointer]).get(pointer)!;
  }

  /** `locate` for many pointers at once: one pass over a JSON file however many places are asked for. */
  locateMany(pointers: readonly string[]): Map<string, SourcePosition> {
    this.lines ??= new LineIndex(this.text);
    const offsets = this.format === "json" ? locateJsonPointers(this.text, pointers) : new Map(pointers.map((p) => [p, this.yamlOffset(safeTokens(p))]));
    const positions = new Map<string, SourcePosition>();
    for (const [pointer, offset] of offsets) positions.set(pointer, this.lines.position(offset));
    return positions;
  }

  private yamlOffset(tokens: string[]): number {
    let node: unknown = this.yamlDoc?.contents;
    let best = rangeStart(node);
    for (const token of tokens) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && scalarKey(item.key) === token);
        if (!pair) break;
        best = rangeStart(pair.key) ?? best;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(token)];
        if (item === undefined) break;
        best = rangeStart(item) ?? best;
        node = item;
      } else break;
    }
    return best ?? 0;
  }
}

function safeTokens(pointer: string): string[] {
  try {
    return parsePointer(pointer);
  } catch {
    return [];
  }
}

function scalarKey(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | undefined)?.range;
  return range ? range[0] : undefined;
}

function jsonSyntaxError(path: string, text: string): SpecLoadError {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  const at = first ? new LineIndex(text).position(first.offset) : { line: 1, column: 1 };
  return new SpecLoadError({
    message: `JSON syntax error: ${first ? printParseErrorCode(first.error) : "invalid JSON"}`,
    file: path,
    line: at.line,
    column: at.column,
    fix: "correct the JSON at that place (a missing comma, quote or bracket)",
  });
}
