import { parsePointer } from "./json-pointer.js";

/**
 * Finds the character offsets of the given JSON pointers in JSON text, in one pass that descends only into the
 * members on the way to a wanted pointer and skips everything else by bracket counting. On a 13 MB spec this is a
 * few tens of milliseconds, where a full syntax tree costs a second and hundreds of MB.
 * An object member's offset is that of its key; a pointer that does not exist maps to its deepest existing ancestor.
 */
export function locateJsonPointers(text: string, pointers: Iterable<string>): Map<string, number> {
  const wanted = new Map<string, string[]>();
  for (const pointer of pointers) wanted.set(pointer, safeTokens(pointer));
  const trie = new Trie();
  for (const tokens of wanted.values()) trie.add(tokens);
  const found = new Map<string, number>();
  const scanner = new Scanner(text);
  scanner.skipWhitespace();
  descend(scanner, trie.root, [], scanner.position, found);
  const result = new Map<string, number>();
  for (const [pointer, tokens] of wanted) {
    let offset = 0;
    for (let depth = tokens.length; depth >= 0; depth--) {
      const hit = found.get(tokens.slice(0, depth).join("\u0000"));
      if (hit !== undefined) {
        offset = hit;
        break;
      }
    }
    result.set(pointer, offset);
  }
  return result;
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

/** Records `at` for the value at `path`, then descends into the members the trie asks for and skips the rest. */
function descend(scanner: Scanner, node: TrieNode, path: string[], at: number, found: Map<string, number>): void {
  found.set(path.join("\u0000"), at);
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
      const child = node.children.get(key);
      if (child) descend(scanner, child, [...path, key], keyOffset, found);
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
      const child = node.children.get(String(index));
      if (child) descend(scanner, child, [...path, String(index)], scanner.position, found);
      else scanner.skipValue();
      scanner.skipWhitespace();
      if (scanner.peek() === ",") scanner.position++;
      else if (scanner.peek() === "]") return void scanner.position++;
      else return;
    }
  }
  scanner.skipValue();
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
