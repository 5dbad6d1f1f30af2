import { type ParseError, printParseErrorCode, parse as parseJsonc } from "jsonc-parser";
import { JsonPositionIndex } from "./json-positions.js";
import { parseDocument, type Document as YamlDocument } from "yaml";
import { LineIndex } from "./line-index.js";
import { SpecLoadError } from "./load-error.js";
import { parsePointer } from "./json-pointer.js";
import { storedYaml, storeYaml } from "./yaml-value-cache.js";
import { offsetIn, positionTree, type PositionTree } from "./yaml-positions.js";

export interface SourcePosition {
  line: number;
  column: number;
}

/** Aliases beyond this count are a "billion laughs" expansion, not a real spec. */
const MAX_YAML_ALIASES = 1000;
/** How every YAML file is read; part of the key of a stored value (yaml-value-cache.ts). */
const YAML_OPTIONS = {
  parse: { uniqueKeys: true, prettyErrors: false, strict: false },
  maxAliasCount: MAX_YAML_ALIASES,
} as const;

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
  private jsonPositions: JsonPositionIndex | undefined;
  /** Of a YAML file: from the parse, else read (or parsed again) at the first `locate` of a stored value. */
  private yamlPositions: PositionTree | (() => PositionTree | undefined) | undefined;

  private constructor(
    path: string,
    text: string,
    format: "json" | "yaml",
    value: unknown,
    yamlPositions?: PositionTree | (() => PositionTree | undefined),
  ) {
    this.path = path;
    this.text = text;
    this.format = format;
    this.value = value;
    this.yamlPositions = yamlPositions;
  }

  static parse(path: string, text: string): SourceFile {
    const trimmed = text.trimStart();
    const looksJson = path.toLowerCase().endsWith(".json") || trimmed.startsWith("{") || trimmed.startsWith("[");
    if (looksJson) {
      try {
        return new SourceFile(path, text, "json", JSON.parse(text));
      } catch (error) {
        if (path.toLowerCase().endsWith(".json")) throw jsonSyntaxError(path, text, error);
        // Not JSON after all (YAML flow style): fall through to the YAML parser.
      }
    }
    const stored = storedYaml(text, YAML_OPTIONS);
    if (stored) return new SourceFile(path, text, "yaml", stored.value, stored.positions);
    const doc = parseYaml(path, text);
    const value = yamlValue(path, doc);
    const positions = yamlPositionTree(path, doc);
    storeYaml(text, YAML_OPTIONS, value, positions);
    return new SourceFile(path, text, "yaml", value, positions);
  }

  /** line:col of the node a pointer names; for an object member, the position of its key. Falls back to the deepest existing ancestor. */
  locate(pointer: string): SourcePosition {
    return this.locateMany([pointer]).get(pointer)!;
  }

  /** `locate` for many pointers at once: one pass over a JSON file however many places are asked for. */
  locateMany(pointers: readonly string[]): Map<string, SourcePosition> {
    this.lines ??= new LineIndex(this.text);
    const offsets =
      this.format === "json"
        ? (this.jsonPositions ??= new JsonPositionIndex(this.text)).locate(pointers)
        : new Map(pointers.map((p) => [p, this.yamlOffset(safeTokens(p))]));
    const positions = new Map<string, SourcePosition>();
    for (const [pointer, offset] of offsets) positions.set(pointer, this.lines.position(offset));
    return positions;
  }

  private yamlOffset(tokens: string[]): number {
    if (typeof this.yamlPositions !== "object")
      this.yamlPositions = this.yamlPositions?.() ?? yamlPositionTree(this.path, parseYaml(this.path, this.text));
    return offsetIn(this.yamlPositions, tokens);
  }
}

/** The YAML document with source ranges; a SpecLoadError for a syntax error or a file that nests too deeply. */
function parseYaml(path: string, text: string): YamlDocument.Parsed {
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

function safeTokens(pointer: string): string[] {
  try {
    return parsePointer(pointer);
  } catch {
    return [];
  }
}

/** The YAML parser recurses per nesting level: past a few thousand levels it overflows the stack. */
function isStackOverflow(error: unknown): boolean {
  return (
    error instanceof RangeError || (error instanceof Error && /Maximum call stack size exceeded/.test(error.message))
  );
}

function yamlTooDeep(path: string): SpecLoadError {
  return new SpecLoadError({
    message: "YAML nests too deeply to parse (thousands of levels)",
    file: path,
    fix: "flatten the structure: move nested schemas into components and reference them with $ref",
  });
}

function jsonSyntaxError(path: string, text: string, parseError: unknown): SpecLoadError {
  const errors: ParseError[] = [];
  try {
    parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
  } catch (error) {
    // jsonc-parser recurses per nesting level; on thousands of levels fall back to JSON.parse's own message.
    if (!isStackOverflow(error)) throw error;
  }
  const first = errors[0];
  const v8Message = parseError instanceof Error ? parseError.message : "invalid JSON";
  const v8Offset = /end of JSON input/.test(v8Message)
    ? text.length
    : Number(/position (\d+)/.exec(v8Message)?.[1] ?? 0);
  const at = new LineIndex(text).position(first ? first.offset : v8Offset);
  return new SpecLoadError({
    message: `JSON syntax error: ${first ? printParseErrorCode(first.error) : v8Message.split("\n")[0]}`,
    file: path,
    line: at.line,
    column: at.column,
    fix: "correct the JSON at that place (a missing comma, quote or bracket)",
  });
}
