import { parsePointer } from "./json-pointer.js";

interface KnownPlace {
  /** Where a problem at this node is reported: an object member's key, an array item's value. */
  report: number;
  /** Where the value starts, so that a later search can resume from here. */
  value: number;
}

/**
 * Finds the character offsets of JSON pointers in JSON text without building a syntax tree: a scan descends only
 * into the members on the way to a wanted pointer and skips everything else by bracket counting. Every member it
 * passes on the way is remembered, so later lookups start from the nearest known ancestor instead of the top: the
 * diff and the portal locate one node at a time on 13 MB specs.
 * A pointer that does not exist maps to its deepest existing ancestor.
 */
export class JsonPositionIndex {
  private readonly known = new Map<string, KnownPlace>();

  constructor(private readonly text: string) {
    const scanner = new Scanner(text);
    scanner.skipWhitespace();
    this.known.set("", { report: scanner.position, value: scanner.position });
  }

  locate(pointers: Iterable<string>): Map<string, number> {
    const wanted = new Map<string, string[]>();
    for (const pointer of pointers) wanted.set(pointer, safeTokens(pointer));
    const searches = new Map<number, { start: string[]; trie: Trie }>();
    for (const tokens of wanted.values()) {
      const depth = this.deepestKnown(tokens);
      if (depth === tokens.length) continue;
      const key = tokens.slice(0, depth).join("\u0000");
      const place = this.known.get(key)!;
      let search = searches.get(place.value);
      if (!search) searches.set(place.value, (search = { start: tokens.slice(0, depth), trie: new Trie() }));
      search.trie.add(tokens.slice(depth));
    }
    for (const [offset, { start, trie }] of searches) {
      const scanner = new Scanner(this.text);
      scanner.position = offset;
      this.descend(scanner, trie.root, start);
    }
    const result = new Map<string, number>();
    for (const [pointer, tokens] of wanted) {
      const depth = this.deepestKnown(tokens);
      result.set(pointer, this.known.get(tokens.slice(0, depth).join("\u0000"))!.report);
    }
    return result;
  }

  private deepestKnown(tokens: string[]): number {
    for (let depth = tokens.length; depth > 0; depth--)
      if (this.known.has(tokens.slice(0, depth).join("\u0000"))) return depth;
    return 0;
  }

  /** At the value of `path`: remembers each member passed, descends into those the trie asks for, skips the rest. */
  private descend(scanner: Scanner, node: TrieNode, path: string[]): void {
    if (node.children.size === 0) return scanner.skipValue();
    const open = scanner.peek();
    if (open === "{") {
      scanner.position++;
      for (;;) {
        scanner.skipWhitespace();
        if (scanner.peek() === "}") return void scanner.position++;
        const keyOffset = scanner.position;
        const key = scanner.readString();
        scanner.skipWhitespace();
        scanner.position++; // ':'
        scanner.skipWhitespace();
        const childPath = [...path, key];
        this.known.set(childPath.join("\u0000"), { report: keyOffset, value: scanner.position });
        const child = node.children.get(key);
        if (child) this.descend(scanner, child, childPath);
        else scanner.skipValue();
        scanner.skipWhitespace();
        if (scanner.peek() === ",") scanner.position++;
        else if (scanner.peek() === "}") return void scanner.position++;
        else return; // malformed: stop quietly, what was found stands
      }
    }
    if (open === "[") {
      scanner.position++;
      for (let index = 0; ; index++) {
        scanner.skipWhitespace();
        if (scanner.peek() === "]") return void scanner.position++;
        const childPath = [...path, String(index)];
        this.known.set(childPath.join("\u0000"), { report: scanner.position, value: scanner.position });
        const child = node.children.get(String(index));
        if (child) this.descend(scanner, child, childPath);
        else scanner.skipValue();
        scanner.skipWhitespace();
        if (scanner.peek() === ",") scanner.position++;
        else if (scanner.peek() === "]") return void scanner.position++;
        else return;
      }
    }
    scanner.skipValue();
  }
}

/** One-off lookup (tests, single use): an index that is thrown away afterwards. */
export function locateJsonPointers(text: string, pointers: Iterable<string>): Map<string, number> {
  return new JsonPositionIndex(text).locate(pointers);
}

interface TrieNode {
  children: Map<string, TrieNode>;
}

class Trie {
  readonly root: TrieNode = { children: new Map() };
  add(tokens: string[]): void {
    let node = this.root;
    for (const token of tokens) {
      let next = node.children.get(token);
      if (!next) node.children.set(token, (next = { children: new Map() }));
      node = next;
    }
  }
}

class Scanner {
  position = 0;
  constructor(private readonly text: string) {}

  peek(): string {
    return this.text[this.position] ?? "";
  }

  skipWhitespace(): void {
    const text = this.text;
    let i = this.position;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      i++;
    }
    this.position = i;
  }

  /** Reads a JSON string at the cursor and returns its decoded value. */
  readString(): string {
    const start = this.position;
    this.skipString();
    try {
      return JSON.parse(this.text.slice(start, this.position)) as string;
    } catch {
      return "";
    }
  }

  /** Jumps to the closing quote with native searches; a quote preceded by an odd run of backslashes is escaped. */
  private skipString(): void {
    const text = this.text;
    let from = this.position + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote === -1) {
        this.position = text.length;
        return;
      }
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) {
        this.position = quote + 1;
        return;
      }
      from = quote + 1;
    }
  }

  /** Skips one value of any kind; containers by depth counting (no recursion, so any nesting depth is fine). */
  skipValue(): void {
    const text = this.text;
    const first = text.charCodeAt(this.position);
    if (first === 34) return this.skipString();
    if (first !== 123 && first !== 91) {
      SCALAR_END.lastIndex = this.position;
      const end = SCALAR_END.exec(text);
      this.position = end ? end.index : text.length;
      return;
    }
    let depth = 0;
    STRUCTURE.lastIndex = this.position;
    for (let match = STRUCTURE.exec(text); match; match = STRUCTURE.exec(text)) {
      const c = text.charCodeAt(match.index);
      if (c === 34) {
        this.position = match.index;
        this.skipString();
        STRUCTURE.lastIndex = this.position;
      } else if (c === 123 || c === 91) depth++;
      else if (--depth === 0) {
        this.position = match.index + 1;
        return;
      }
    }
    this.position = text.length;
  }
}

/** The characters that matter when skipping a container: brackets, and quotes that start strings to jump over. */
const STRUCTURE = /[{}[\]"]/g;
const SCALAR_END = /[,}\]\s]/g;

function safeTokens(pointer: string): string[] {
  try {
    return parsePointer(pointer);
  } catch {
    return [];
  }
}
