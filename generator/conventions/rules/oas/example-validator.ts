// Validates example values against the schemas of one document with ajv: JSON Schema draft-07 with OpenAPI 3.0's
// differences rewritten (3.0 §4.7.24: `nullable`, draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum`), or JSON
// Schema 2020-12 for 3.1 (§4.8.24). ajv is ~220 modules: it is required here, when the first example is checked,
// never at lint start-up. Each file of the document is given to ajv under its own URI, so `$ref`s to components and
// to other files resolve as they are written.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { SPECWRIGHT_CACHE } from "../../../load/cache-dir.js";
import { cachedValidator } from "../../../load/cached-validator.js";
import { readCacheFile, writeCacheFile } from "../../../load/content-cache.js";
import type { NodeRef, SpecDocument } from "../../../load/index.js";
import { isObject } from "../../operation-info.js";
import { schemaClosureKey } from "./schema-closure-key.js";

export interface ExampleError {
  /** JSON pointer inside the example value of the first mismatch ("" for the value itself). */
  instancePath: string;
  message: string;
}

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}
type ValidateFunction = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
interface AjvInstance {
  addSchema(schema: object, key: string): unknown;
  compile(schema: object): ValidateFunction;
}

const require = createRequire(import.meta.url);
/**
 * Options for every dialect: unknown keywords (x-*, example, discriminator, xml) and formats are not errors. Shared
 * components compile to one function each (no inlining) without the optimiser pass: on GitHub's spec that halves the
 * compile time and cuts the memory by a quarter. `source` keeps the code, for cached-validator.ts.
 */
const AJV_OPTIONS = {
  strict: false,
  allErrors: false,
  validateSchema: false,
  logger: false,
  inlineRefs: false,
  code: { optimize: false, source: true },
};
/** Bump when fromOpenApi30 or the ajv setup in `instance` changes: the cached example validators depend on them. */
const VALIDATOR_REVISION = 1;

/**
 * Verdicts of earlier lints of the same document, so an unchanged spec (the editor's and CI's usual case) is checked
 * without loading ajv: one file per document content under node_modules/.cache/specwright/examples, the newest
 * MAX_STORED kept. Bump REVISION when what a verdict means changes.
 */
const REVISION = 1;
const MAX_STORED = 64;
const VERDICTS_DIR = join(SPECWRIGHT_CACHE, "examples");

export class ExampleValidator {
  private ajv: AjvInstance | undefined;
  private readonly compiled = new Map<string, ValidateFunction | null>();
  private stored: Map<string, ExampleError | null> | undefined;
  private readonly fresh = new Map<string, ExampleError | null>();
  private file: string | undefined;

  constructor(private readonly document: SpecDocument) {}

  /** The first mismatch, from the stored verdicts when this document was checked before, else from ajv. */
  validate(schemaAt: NodeRef, value: unknown): ExampleError | undefined {
    const key = `${schemaAt.file}#${schemaAt.pointer}\u0000${createHash("sha1")
      .update(JSON.stringify(value) ?? "undefined")
      .digest("base64")}`;
    const stored = this.storedVerdicts();
    if (stored.has(key)) return stored.get(key) ?? undefined;
    const verdict = this.check(schemaAt, value);
    this.fresh.set(key, verdict ?? null);
    return verdict;
  }

  /** Keeps the verdicts for the next lint of this document (nothing to do when every verdict was stored). */
  save(): void {
    if (this.fresh.size === 0) return;
    const verdicts = () => JSON.stringify(Object.fromEntries([...this.storedVerdicts(), ...this.fresh]));
    writeCacheFile(this.verdictsFile(), verdicts, MAX_STORED);
  }

  /** Named by the document's content: hashed once, read at the first check and written at the end. */
  private verdictsFile(): string {
    if (this.file !== undefined) return this.file;
    const hash = createHash("sha256").update(`${REVISION} ${this.document.specVersion}\n`);
    for (const [file, source] of this.document.files) hash.update(`${file}\u0000${source.text}\u0000`);
    this.file = join(VERDICTS_DIR, `${hash.digest("hex").slice(0, 24)}.json`);
    return this.file;
  }

  private storedVerdicts(): Map<string, ExampleError | null> {
    if (this.stored) return this.stored;
    this.stored = new Map();
    try {
      const text = readCacheFile(this.verdictsFile());
      if (text !== undefined)
        for (const [key, verdict] of Object.entries(JSON.parse(text) as Record<string, ExampleError | null>))
          this.stored.set(key, verdict);
    } catch {
      // damaged: check afresh
    }
    return this.stored;
  }

  get compiledCount(): number {
    return this.compiled.size;
  }

  /** The first mismatch of `value` with the schema written at `schemaAt`; undefined when it matches or the schema cannot be compiled. */
  private check(schemaAt: NodeRef, value: unknown): ExampleError | undefined {
    const validate = this.validatorFor(schemaAt);
    if (!validate || validate(value)) return undefined;
    const error = validate.errors?.[0];
    if (!error) return undefined;
    if (error.keyword === "type")
      return {
        instancePath: error.instancePath,
        message: `must be ${String(error.params.type).split(",").join(" or ")}`,
      };
    const detail =
      error.keyword === "additionalProperties"
        ? ` (${String(error.params.additionalProperty)})`
        : error.keyword === "enum"
          ? `: ${JSON.stringify(error.params.allowedValues)}`
          : "";
    return { instancePath: error.instancePath, message: `${error.message ?? error.keyword}${detail}` };
  }

  private validatorFor(schemaAt: NodeRef): ValidateFunction | null {
    const key = `${schemaAt.file}#${schemaAt.pointer}`;
    let validate = this.compiled.get(key);
    if (validate !== undefined) return validate;
    try {
      const fragment = schemaAt.pointer.split("/").map(encodeURIComponent).join("/");
      const schema = { $ref: `${fileUri(schemaAt.file)}#${fragment}` };
      // After an edit most schemas are as they were: their compiled code is kept by what they reach, so a lint that
      // compiled them before loads it without loading ajv. A schema reaching another file is compiled each time.
      const closure = schemaClosureKey(this.document.files.get(schemaAt.file)?.value, schemaAt.pointer);
      validate =
        closure === undefined
          ? this.instance().compile(schema)
          : cachedValidator<ValidateFunction>({
              name: `example-${this.document.specVersion}`,
              schema: `${closure} ajv-formats@${packageVersion("ajv-formats")} revision ${VALIDATOR_REVISION}`,
              options: AJV_OPTIONS,
              ajvVersion: packageVersion("ajv"),
              compile: () => {
                const ajv = this.instance();
                return { ajv, validate: ajv.compile(schema) };
              },
              standaloneCode: (ajv, compiled) =>
                (require("ajv/dist/standalone").default as (ajv: unknown, validate: unknown) => string)(ajv, compiled),
            });
    } catch {
      // An unresolvable or invalid schema is oas/schema's to report; its examples cannot be judged.
      validate = null;
    }
    this.compiled.set(key, validate);
    return validate;
  }

  private instance(): AjvInstance {
    if (this.ajv) return this.ajv;
    const openapi31 = this.document.specVersion === "3.1";
    const Ajv = (openapi31 ? require("ajv/dist/2020") : require("ajv")).default as new (options: object) => AjvInstance;
    const ajv = new Ajv(AJV_OPTIONS);
    (require("ajv-formats").default as (ajv: AjvInstance) => void)(ajv);
    for (const [file, source] of this.document.files) {
      if (!isObject(source.value)) continue;
      try {
        ajv.addSchema((openapi31 ? source.value : fromOpenApi30(source.value)) as object, fileUri(file));
      } catch {
        // e.g. a duplicate `$id`: that file's schemas stay unresolvable and their examples unchecked
      }
    }
    return (this.ajv = ajv);
  }
}

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

function fileUri(file: string): string {
  return /^https?:\/\//i.test(file) ? file : pathToFileURL(file).href;
}

/**
 * The value with OpenAPI 3.0's schema keywords in JSON Schema form, applied everywhere (the keys only occur in schemas).
 * Copy on write: only the objects on the way to a rewritten schema are copied, and example values are left as they
 * are, so a large document costs little memory.
 */
export function fromOpenApi30(value: unknown, parentKey?: string): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const converted = fromOpenApi30(item);
      changed ||= converted !== item;
      return converted;
    });
    return changed ? items : value;
  }
  if (!isObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, member] of Object.entries(value)) {
    // An example is data, not schema (unless it is a property named "example").
    if ((key === "example" || key === "examples") && parentKey !== "properties") continue;
    const converted = fromOpenApi30(member, key);
    if (converted !== member) (copy ??= { ...value })[key] = converted;
  }
  const nullable =
    value.nullable === true &&
    (typeof value.type === "string" || (Array.isArray(value.enum) && !value.enum.includes(null)));
  if (!nullable && typeof value.exclusiveMinimum !== "boolean" && typeof value.exclusiveMaximum !== "boolean")
    return copy ?? value;
  const schema: Record<string, unknown> = copy ?? { ...value };
  if (nullable) {
    if (typeof schema.type === "string") schema.type = [schema.type, "null"];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  }
  for (const [exclusive, inclusive] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof schema[exclusive] !== "boolean") continue;
    if (schema[exclusive] === true && typeof schema[inclusive] === "number") {
      schema[exclusive] = schema[inclusive];
      delete schema[inclusive];
    } else delete schema[exclusive];
  }
  return schema;
}
