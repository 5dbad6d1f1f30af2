import { parseTree, type Node as JsonNode, type ParseError, printParseErrorCode, parse as parseJsonc } from "jsonc-parser";
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
 * JSON is parsed with JSON.parse (fast on 10 MB+ files); its syntax tree for positions is built only on the
 * first `locate`, so a clean lint of a huge JSON spec never pays for it.
 */
export class SourceFile {
  readonly path: string;
  readonly text: string;
  readonly format: "json" | "yaml";
  value: unknown;
  private lines: LineIndex | undefined;
  private jsonTree: JsonNode | undefined;
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
    const tokens = safeTokens(pointer);
    const offset = this.format === "json" ? this.jsonOffset(tokens) : this.yamlOffset(tokens);
    this.lines ??= new LineIndex(this.text);
    return this.lines.position(offset);
  }

  private jsonOffset(tokens: string[]): number {
    this.jsonTree ??= parseTree(this.text, [], { allowTrailingComma: true, disallowComments: false });
    let node: JsonNode | undefined = this.jsonTree;
    let best = node?.offset ?? 0;
    for (const token of tokens) {
      if (node?.type === "object") {
        const property: JsonNode | undefined = node.children?.find((child) => child.children?.[0]?.value === token);
        if (!property) break;
        best = property.offset;
        node = property.children?.[1];
      } else if (node?.type === "array") {
        node = node.children?.[Number(token)];
        if (!node) break;
        best = node.offset;
      } else break;
    }
    return best;
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
