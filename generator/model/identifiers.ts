// Turning arbitrary spec strings into valid, unique, deterministic identifiers: solved here once for every emitter.

/** Words no generated identifier may be: ECMAScript reserved words, strict-mode and TS-reserved names, and
 * Object.prototype members (an object literal key `__proto__` would set the prototype). */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await async arguments eval undefined " +
    "NaN Infinity globalThis any boolean number string symbol bigint object never unknown type of as is keyof " +
    "declare namespace module require readonly infer satisfies " +
    "__proto__ constructor prototype hasOwnProperty isPrototypeOf propertyIsEnumerable toString toLocaleString " +
    "valueOf __defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__ then"
  ).split(" "),
);

/** Global types and values generated modules use: a type alias named like them would shadow them. */
const GLOBAL_NAMES = new Set(
  (
    "Array Object Promise Record Partial Required Readonly Pick Omit Exclude Extract NonNullable ReturnType Error " +
    "TypeError Date Map Set WeakMap Function String Number Boolean Symbol BigInt JSON Math URL URLSearchParams Blob " +
    "FormData File Headers Request Response AbortSignal AbortController ReadableStream Uint8Array ArrayBuffer " +
    "Buffer RegExp Iterable AsyncIterable PromiseLike"
  ).split(" "),
);

export function isReservedName(name: string): boolean {
  return RESERVED.has(name) || GLOBAL_NAMES.has(name);
}

export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !isReservedName(name);
}

/** Words of a spec string, ASCII only (accents dropped: identifiers must be safe in every consumer, file names
 * included). Splits on anything but letters/digits and on camelCase humps; `+`/`-` before a digit become words so
 * that `+1`, `-1`, `Etc/GMT+1` and `Etc/GMT-1` stay distinct. */
export function words(raw: string): string[] {
  const spelled = raw
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\+/g, " plus ")
    .replace(/(?<![0-9])-(?=[0-9])/g, " minus ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2");
  return spelled.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** A valid identifier in camelCase ("list-for-org" -> "listForOrg"); `fallback` when nothing usable remains. */
export function camelIdentifier(raw: string, fallback = "value"): string {
  const parts = words(raw);
  const joined = parts.map((word, index) => (index === 0 ? word.toLowerCase() : capitalize(word))).join("");
  return guard(joined, fallback);
}

/** A valid identifier in PascalCase ("pet-input" -> "PetInput"). */
export function pascalIdentifier(raw: string, fallback = "Value"): string {
  return guard(words(raw).map(capitalize).join(""), fallback);
}

function guard(name: string, fallback: string): string {
  if (name === "") return fallback;
  if (/^[0-9]/.test(name)) return "_" + name;
  return isReservedName(name) ? name + "_" : name;
}

/**
 * Hands out names unique within one scope. Callers must offer candidates in a deterministic order; a taken
 * candidate gets the first free numeric suffix (`list`, `list2`, `list3`). Comparison ignores case, so that emitted
 * file names and case-insensitive consumers cannot collide either.
 */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.taken.has(name.toLowerCase());
  }

  /** The first free of `candidates`, else the first candidate with a numeric suffix. */
  claim(...candidates: string[]): string {
    const free = candidates.find((candidate) => !this.has(candidate));
    let name = free;
    if (name === undefined) {
      const base = candidates[0] ?? "name";
      for (let n = 2; name === undefined; n++) if (!this.has(base + n)) name = base + n;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}
