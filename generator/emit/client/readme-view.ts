// What the generated README says about one operation: how it pages, and example values true to the spec (its own
// `example`/`examples`, else its default or first enum value, else a sample of its schema; never the parameter's name).
import { sample } from "openapi-sampler";
import type { JSONSchema7 } from "json-schema";
import type { FieldPath, JsonSchema, Operation, Pagination, Parameter } from "../../model/ir.js";
import { codeSpan, jsLiteral } from "../shared/code-literals.js";

/** The document only resolves `$ref`s inside schemas being sampled (as the mock's samples do). */
export type SampleDocument = Readonly<Record<string, unknown>> | undefined;

const field = (path: FieldPath) => codeSpan(path.join("."));
const param = (name: string) => codeSpan(name);

/** One sentence on how the operation pages, or null when it is not a list. */
export function pagingNote(op: Operation): string | null {
  const paging = op.pagination;
  if (paging === null) {
    if (op.method !== "get" || /\}\/?$/.test(op.path)) return null;
    return "Not paged by the client: the spec shows no paging scheme it can follow. `await` gives one page; page by hand with `walkPages`, or declare the scheme with `x-pagination`.";
  }
  const origin = paging.source === "declared" ? "declared in x-pagination or config" : "detected from the spec";
  return `Pages ${describe(paging)} (${origin}). \`for await\` walks every item; \`.pages()\` every page.`;
}

function describe(paging: Pagination): string {
  const size = (name: string | null) => (name === null ? "" : `; page size ${param(name)}`);
  switch (paging.kind) {
    case "cursor": {
      const hasMore = paging.hasMoreField === null ? "" : `, or when ${field(paging.hasMoreField)} is false`;
      return `by token: sends ${param(paging.tokenParam)} = the previous page's ${field(paging.nextTokenField)}, until that is empty or absent${hasMore}${size(paging.sizeParam)}`;
    }
    case "offset": {
      const ends = [
        paging.isLastField && `${field(paging.isLastField)} is true`,
        paging.hasMoreField && `${field(paging.hasMoreField)} is false`,
        paging.totalField && `${field(paging.totalField)} items have come`,
      ].filter((end): end is string => typeof end === "string");
      const end = ends.length > 0 ? ends.join(", or ") : "a page holds fewer items than asked";
      return `by offset: ${param(paging.offsetParam)} advances by the items received, ${param(paging.limitParam)} is the page size; ends when ${end}`;
    }
    case "link":
      return `by following the ${codeSpan('Link: rel="next"')} header until it is absent${size(paging.sizeParam)}`;
    case "after":
      return `by keyset: sends ${param(paging.afterParam)} = the last item's ${field(paging.cursorField)} while ${field(paging.hasMoreField)} is true${size(paging.sizeParam)}`;
  }
}

function sampled(schema: JsonSchema | null, document: SampleDocument): unknown {
  if (schema === null) return undefined;
  try {
    return sample(schema as JSONSchema7, { skipReadOnly: true, quiet: true, maxSampleDepth: 3 }, document);
  } catch {
    return undefined; // a schema the sampler cannot follow (cycles it refuses): no sample rather than a failed generation
  }
}

function schemaHint(schema: JsonSchema): unknown {
  const examples = Array.isArray(schema.examples) ? schema.examples : [];
  return schema.example ?? examples[0] ?? schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
}

/** The example value of a parameter (undefined when the spec gives none and its schema cannot be sampled). */
export function parameterValue(parameter: Parameter, document: SampleDocument): unknown {
  return parameter.example ?? schemaHint(parameter.schema) ?? sampled(parameter.schema, document);
}

/** The example value of a parameter, as a JavaScript literal. */
export function parameterExample(parameter: Parameter, document: SampleDocument): string {
  const value = parameterValue(parameter, document);
  return value === undefined ? "undefined" : jsLiteral(value);
}

/** The example request body: the media type's example, else a sample of its (JSON) schema; undefined when neither. */
export function bodyValue(op: Operation, document: SampleDocument): unknown {
  const content = op.requestBody?.content[0];
  const json = content !== undefined && /[/+]json\b/i.test(content.mediaType);
  return content?.example ?? (json ? sampled(content.schema, document) : undefined);
}

/** The example request body, as a JavaScript literal. */
export function bodyExample(op: Operation, document: SampleDocument): string {
  const value = bodyValue(op, document);
  return value === undefined ? "{}" : jsLiteral(value);
}
