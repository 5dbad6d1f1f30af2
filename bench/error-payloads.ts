// The spec's own error schema, filled by the generated server (issue 12): over an even slice of the corpus, how many
// specs have an error schema, how many give it a place for the message, and how many payloads (a validation 400
// with a field error, a 404, a 500) validate against it, with the rules of the runtime's response validation.
// Run: node bin/run-ts.js bench/error-payloads.ts [--every N]   (every Nth corpus spec; default 10)
import { parseArgs } from "node:util";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { bundleSpec, loadSpec } from "../generator/load/index.js";
import { buildModel } from "../generator/model/build-model.js";
import { errorPayloadFormatter } from "../templates/runtime/server/error-payload.js";
import { SchemaRegistry } from "../templates/runtime/server/json-schema.js";
import { problemDetails } from "../templates/runtime/server/problem.js";
import { listCorpusSpecs } from "../test/corpus/corpus-specs.js";

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const { values } = parseArgs({ options: { every: { type: "string", default: "10" } } });
const every = Math.max(1, Number(values.every));
const specs = listCorpusSpecs().filter((_, index) => index % every === 0);
const failures = [
  problemDetails(400, "validation_failed", "The request parameters are not valid.", "/x", [
    { field: "query.limit", code: "too_large", message: "must be <= 100" },
  ]),
  problemDetails(404, "not_found", "No operation of this API matches the path.", "/x"),
  problemDetails(500, "internal_error", "The server failed to answer.", "/x"),
];

const counts = { specs: specs.length, unreadable: 0, withErrorSchema: 0, withMessagePlace: 0, allPayloadsValid: 0 };
const invalid: string[] = [];
for (const spec of specs) {
  let document: Record<string, unknown>;
  let model: ReturnType<typeof buildModel>;
  try {
    document = await bundleSpec(await loadSpec(spec));
    model = buildModel(document, { source: spec });
  } catch {
    counts.unreadable++;
    continue;
  }
  const errors = model.errorSchema;
  if (errors === null) continue;
  counts.withErrorSchema++;
  if (errors.fields.message !== null) counts.withMessagePlace++;
  const openapi = document.openapi;
  const registry = new SchemaRegistry(document, typeof openapi === "string" && openapi.startsWith("3.0"), "response");
  const converted = registry.convert(errors.schema);
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addSchema(registry.root());
  const validate = ajv.compile(typeof converted === "boolean" ? converted : { ...converted });
  const format = errorPayloadFormatter({ mediaType: errors.mediaType, payload: errors.payload });
  const wrong = failures.map((failure) => format(failure).body).find((body) => !validate(body));
  if (wrong === undefined) counts.allPayloadsValid++;
  else invalid.push(`${spec}: ${JSON.stringify(validate.errors?.[0])}`);
}
console.log(JSON.stringify(counts));
for (const line of invalid) console.log(`invalid: ${line}`);
