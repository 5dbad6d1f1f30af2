import { type ParseError, printParseErrorCode, parse as parseJsonc } from "jsonc-parser";
import { JsonPositionIndex } from "./json-positions.js";
import { LineIndex } from "./line-index.js";
import { SpecLoadError } from "./load-error.js";
import { parsePointer } from "./json-pointer.js";
import { storedYaml, storeYaml } from "./yaml-value-cache.js";
import { offsetIn, type PositionTree } from "./yaml-positions.js";
import { isStackOverflow } from "./stack-overflow.js";

export interface SourcePosition {
  line: number;
  column: number;
}

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
  /** Where the nodes of a YAML file start (from its parse, or stored with its value). */
  private readonly yamlPositions: PositionTree | undefined;

  private constructor(
    path: string,
    text: string,
    format: "json" | "yaml",
    value: unknown,
    yamlPositions?: PositionTree,
  ) {
    this.path = path;
    this.text = text;
    this.format = format;
    this.value = value;
    this.yamlPositions = yamlPositions;
  }

  /**
   * Parses a file. The YAML parser (yaml-parse.ts, with the yaml package) is loaded only for a YAML text whose value
   * and positions were not stored by an earlier run.
   */
  static async parse(path: string, text: string): Promise<SourceFile> {
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
    const stored = storedYaml(text);
    if (stored) return new SourceFile(path, text, "yaml", stored.value, stored.positions);
    const { value, positions } = (await import("./yaml-parse.js")).parseYaml(path, text);
    storeYaml(text, value, positions);
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

  /**
   * Lets go of the indexes `locateMany` built (made again if asked): on a large JSON file every member a lint's scan
   * passed is remembered, 88 MB for Microsoft Graph beta's 78,000 problems.
   */
  releasePositionIndexes(): void {
    this.lines = undefined;
    this.jsonPositions = undefined;
  }

  private yamlOffset(tokens: string[]): number {
    return this.yamlPositions ? offsetIn(this.yamlPositions, tokens) : 0;
  }
}

function safeTokens(pointer: string): string[] {
  try {
    return parsePointer(pointer);
  } catch {
    return [];
  }
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
