// Gives the parts of a multipart/form-data body their meaning by the schema's fields (OpenAPI 3.1 §4.8.15): a file
// property's parts become uploads (whether or not the client named a file), any other part is text, read by the
// field's shape as a form field is (JSON parts parsed, numbers and booleans coerced, repeated names an array).
import { coerceParams } from "./coerce.js";
import { matchDeclaredMediaType } from "./media-type.js";
import type { Part, Upload } from "./multipart.js";
import type { ParamSpecField } from "./operation.js";
import type { RawParams } from "./parameters.js";
import type { FieldError } from "./problem.js";

export interface MultipartBody {
  /** What the handler receives: fields by name, file fields as an Upload (or Upload[] for an array of files). */
  body: Record<string, unknown>;
  /** The same with each upload's bytes as a binary string: what the schema (`type: string`) validates. */
  validated: Record<string, unknown>;
  errors: FieldError[];
  /** An error is a part of a media type the encoding does not allow (415 rather than 400). */
  unsupportedMedia: boolean;
}

export function multipartBody(parts: readonly Part[], fields: readonly ParamSpecField[]): MultipartBody {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const texts: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  const uploads = new Map<string, Upload[]>();
  const errors: FieldError[] = [];
  let unsupportedMedia = false;
  for (const part of parts) {
    const field = byName.get(part.name);
    const isFile = field?.file === true || (field === undefined && "upload" in part);
    if (isFile) {
      const upload = "upload" in part ? part.upload : textUpload(part.value, part.mimeType);
      const allowed = field?.contentTypes;
      if (allowed !== undefined && matchDeclaredMediaType(upload.mimeType, allowed) === undefined) {
        unsupportedMedia = true;
        errors.push({ field: part.name, code: "unsupported_media_type", message: `must be ${allowed.join(" or ")}` });
        continue;
      }
      uploads.set(part.name, [...(uploads.get(part.name) ?? []), upload]);
    } else {
      const value = "upload" in part ? part.upload.data.toString("utf8") : part.value; // a JSON Blob arrives as a file
      const known = texts[part.name];
      texts[part.name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
    }
  }
  const textFields = fields
    .filter((field) => field.file !== true)
    .map((field) => ({ ...field, style: "form" as const, explode: true }));
  const coerced = coerceParams(texts as RawParams, textFields, null);
  errors.push(...coerced.errors);
  const body: Record<string, unknown> = { ...texts, ...coerced.values };
  const validated: Record<string, unknown> = { ...body };
  for (const [name, list] of uploads) {
    const many = byName.get(name)?.shape.kind === "array" || list.length > 1;
    define(body, name, many ? list : list[0]);
    const strings = list.map((upload) => upload.data.toString("latin1")); // one character per byte: maxLength counts bytes
    define(validated, name, many ? strings : strings[0]);
  }
  return { body, validated, errors, unsupportedMedia };
}

function textUpload(value: string, mimeType: string): Upload {
  const data = Buffer.from(value, "utf8");
  return { filename: undefined, mimeType, size: data.length, data };
}

/** An own property even for a part named `__proto__`. */
function define(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}
