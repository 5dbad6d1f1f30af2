// Request validators compiled AHEAD of time with ajv standalone: the generated server imports plain functions
// and does no schema compilation at start-up. Parameters (coerced, defaults applied) and JSON bodies (exact)
// need different ajv options, so they are two modules. Identical schemas share one exported validator, named
// after what it checks (validator-names.ts).
// Each comes twice: a verdict module that stops at the first error (every request runs it), and a details module
// (allErrors) run only on invalid input, which stops once it has found ERROR_BUDGET errors: ajv has no cap, and a
// 1 MB body of wrong integers would otherwise cost seconds and a 20 MB answer (issue 11).
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Options } from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import addFormatsModule from "ajv-formats";
import formatsModule from "ajv-formats/dist/formats.js";
import type { ApiModel, Operation, ParamLocation } from "../../model/ir.js";
import { ModelError } from "../../model/model-error.js";
import { matchIllFormedNamesByPattern, SchemaRegistry } from "../../../templates/runtime/server/json-schema.js";
import { bodyKindOf } from "../../../templates/runtime/server/media-type.js";
import { specPattern } from "../../../templates/runtime/server/patterns.js";
import { droppedKeywordWarning, patternPolicy, warnOnStderr } from "../../model/pattern-policy.js";
import { typedSpellings } from "./typed-spellings.js";
import { discriminatorBranches } from "../../model/discriminator-branches.js";
import { RefResolver } from "../../model/refs.js";
import { discriminatorKeyword } from "./discriminator-keyword.js";
import { bodyValidatorName, parametersValidatorName } from "./validator-names.js";
import { dropUnfitDefaults, pendingDefaults, wireDefault, type PendingDefault } from "./wire-default.js";
import type { Warn } from "../../model/pattern-policy.js";

// Both are CommonJS: under NodeNext their default import is the module object.
const standaloneCode = standaloneCodeModule as unknown as typeof standaloneCodeModule.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const KNOWN_FORMATS = new Set<string>((formatsModule as unknown as { formatNames: string[] }).formatNames);

export type ValidatorKind = "params" | "bodies" | "params-details" | "bodies-details";

/** Errors a details validator collects before it stops (the answer shows fewer: problem.ts caps the list). */
export const ERROR_BUDGET = 100;

export interface OperationValidators {
  path?: string;
  query?: string;
  header?: string;
  cookie?: string;
  /** By declared media type (`requestBody.content` key): those read as JSON, text or a form. */
  bodies?: Record<string, string>;
}

export interface CompiledValidators {
  /** ESM source of each module (`validators/params.js`, `validators/bodies.js`). */
  modules: Record<ValidatorKind, string>;
  /** Export names per module, for the `.d.ts`. */
  exports: Record<ValidatorKind, string[]>;
  /** Which export validates what, by operation id. */
  byOperation: Map<string, OperationValidators>;
}

const LOCATIONS: ParamLocation[] = ["path", "query", "header", "cookie"];

/**
 * How the validators compile spec patterns: linear-time re2js (a backtracking RegExp lets one request freeze the
 * server). ajv's standalone code reads `code` as the expression to call; esmImports turns the require into an import.
 */
const PATTERN_ENGINE = Object.assign((source: string, flags: string) => specPattern(source, flags), {
  code: 'require("../runtime/server/patterns.js").specPattern',
});

const COMMON: Options = {
  strict: false,
  allErrors: true,
  logger: false,
  // Small referenced schemas are inlined; larger ones stay shared functions, keeping big specs' output small.
  inlineRefs: 8,
  // Properties named like Object.prototype members (`constructor`, `__proto__`) must not be found on every object.
  ownProperties: true,
  code: { source: true, esm: true, lines: true, optimize: true, regExp: PATTERN_ENGINE },
};

/** `warn` hears of each spec pattern left out of validation (default: stderr). */
export function compileValidators(model: ApiModel, warn: Warn = warnOnStderr): CompiledValidators {
  const refs = new RefResolver(model.schemaRoot as Record<string, unknown>);
  const registry = new SchemaRegistry(
    model.schemaRoot,
    model.openapi.startsWith("3.0"),
    "request",
    patternPolicy(model.source, warn),
    (schema) => discriminatorBranches(schema, refs),
    droppedKeywordWarning(model.source, warn),
  );
  const schemas: Record<"params" | "bodies", Map<string, { name: string; schema: unknown }>> = {
    params: new Map(),
    bodies: new Map(),
  };
  const byOperation = new Map<string, OperationValidators>();
  const defaults: PendingDefault[] = [];

  const used = new Set<string>();
  const share = (kind: "params" | "bodies", wanted: string, schema: unknown): string => {
    const key = JSON.stringify(schema);
    const known = schemas[kind].get(key);
    if (known !== undefined) return known.name;
    let name = wanted;
    for (let i = 2; used.has(name); i++) name = `${wanted}${i}`;
    used.add(name);
    schemas[kind].set(key, { name, schema });
    return name;
  };

  for (const op of model.operations) {
    const names: OperationValidators = {};
    for (const location of LOCATIONS) {
      const schema = parameterObjectSchema(op, location, registry, model.source, defaults);
      if (schema !== undefined)
        names[location] = share("params", parametersValidatorName(validatedParameters(op, location), location), schema);
    }
    for (const media of op.requestBody?.content ?? []) {
      if (media.schema === null || !validatesAsData(media.mediaType)) continue;
      if (bodyKindOf(media.mediaType) === "text" && !admitsString(refs.resolve(media.schema))) {
        warn(
          `${model.source}: ${operationPlace(op)} request body schema (${media.mediaType}): a text body is a string, and this schema admits none; it is left out of validation (fix the schema there: type string)`,
        );
        continue;
      }
      const name = share(
        "bodies",
        bodyValidatorName(media.schema, media.schemaName, model.schemas),
        registry.convert(media.schema, `${operationPlace(op)} request body schema (${media.mediaType})`),
      );
      names.bodies = { ...names.bodies, [media.mediaType]: name };
    }
    byOperation.set(op.id, names);
  }

  const formats = unknownFormats(
    registry.root(),
    [...schemas.params.values(), ...schemas.bodies.values()].map((entry) => entry.schema),
  );
  const newAjv = (options: Options): Ajv2020 => {
    const ajv = new Ajv2020({ ...COMMON, ...options });
    addFormats(ajv);
    ajv.addKeyword(discriminatorKeyword);
    for (const format of formats) ajv.addFormat(format, true);
    return ajv;
  };
  const checker = newAjv({ allErrors: false, code: { regExp: PATTERN_ENGINE } });
  try {
    checker.addSchema(registry.root());
  } catch (error) {
    throw invalidSchema(error) ?? error;
  }
  dropUnfitDefaults(checker, defaults, warn);
  const compile = (kind: "params" | "bodies", options: Options): { code: string; names: string[] } => {
    const ajv = newAjv(options);
    const exportsToIds: Record<string, string> = {};
    let code: string;
    try {
      ajv.addSchema(registry.root());
      for (const { name, schema } of schemas[kind].values()) {
        ajv.addSchema(schema as object, `#${name}`);
        exportsToIds[name] = `#${name}`;
      }
      if (Object.keys(exportsToIds).length === 0) return { code: "", names: [] };
      code = esmImports(standaloneCode(ajv, exportsToIds));
    } catch (error) {
      throw invalidSchema(error) ?? error;
    }
    const names = Object.keys(exportsToIds);
    return { code: options.allErrors === true ? boundErrors(code, ERROR_BUDGET) : code, names };
  };
  // No ajv coercion: the runtime coerces each parameter by its shape (runtime/server/coerce.ts) before validating.
  const paramOptions: Options = { useDefaults: "empty" };
  const params = compile("params", { ...paramOptions, allErrors: false });
  const bodies = compile("bodies", { allErrors: false });
  const paramDetails = compile("params", { ...paramOptions, allErrors: true });
  const bodyDetails = compile("bodies", { allErrors: true });
  return {
    modules: {
      params: params.code,
      bodies: bodies.code,
      "params-details": paramDetails.code,
      "bodies-details": bodyDetails.code,
    },
    exports: {
      params: params.names,
      bodies: bodies.names,
      "params-details": paramDetails.names,
      "bodies-details": bodyDetails.names,
    },
    byOperation,
  };
}

/**
 * ajv's "schema is invalid: data/$defs/<definition>/<path> must ..." (a keyword whose value JSON Schema does not
 * allow, the registry has not already left out) as the user's error, at the spec's place, with the fix.
 */
function invalidSchema(error: unknown): ModelError | undefined {
  const message = error instanceof Error ? error.message : "";
  const found = /^schema is invalid: data\/\$defs\/([^/,\s]+)(\S*) (.*)$/.exec(message.split(", ")[0] ?? "");
  if (found === null) return undefined;
  const [, definition = "", rest = "", why = ""] = found;
  const pointer = `#/${decodeURIComponent(definition).replace(/~1/g, "/").replace(/~0/g, "~")}${rest}`;
  return new ModelError(
    `the schema at ${pointer} is not valid JSON Schema: ${why}`,
    pointer,
    "write the keyword's value as JSON Schema 2020-12 defines it there (or remove it)",
  );
}

/**
 * Bodies the runtime hands over as data it can validate: JSON, text, forms, multipart (each upload validated as
 * the binary string its schema describes), and ranges (`application/*`, whose validator runs only when what was
 * sent is one of those). Binary bodies are not JSON values.
 */
function validatesAsData(mediaType: string): boolean {
  const kind = bodyKindOf(mediaType);
  return (
    kind === "json" ||
    kind === "form" ||
    kind === "multipart" ||
    kind === "text" ||
    (mediaType.split(";")[0]?.trim().endsWith("/*") ?? false)
  );
}

/** One object schema per parameter location; header names as written (the runtime looks them up lower-cased). */
function parameterObjectSchema(
  op: Operation,
  location: ParamLocation,
  registry: SchemaRegistry,
  source: string,
  defaults: PendingDefault[],
): object | undefined {
  const params = validatedParameters(op, location);
  if (params.length === 0) return undefined;
  // fromEntries defines own properties: a parameter named `__proto__` stays a property, not the prototype.
  const properties = Object.fromEntries(
    params.map((param) => [
      param.rawName,
      wireDefault(
        param,
        typedSpellings(
          registry.convert(
            param.schema,
            `${operationPlace(op)} ${location} parameter ${JSON.stringify(param.rawName)} schema`,
          ),
        ),
      ),
    ]),
  );
  defaults.push(
    ...pendingDefaults(
      properties,
      (name) => `${source}: ${operationPlace(op)} ${location} parameter ${JSON.stringify(name)} schema`,
    ),
  );
  const required = params.filter((param) => param.required).map((param) => param.rawName);
  return matchIllFormedNamesByPattern(
    required.length > 0 ? { type: "object", properties, required } : { type: "object", properties },
  );
}

/**
 * The parameters validated in one location. Header parameters OpenAPI says to ignore (Accept, Content-Type,
 * Authorization) never reach the IR: the model leaves them out (facts/ignored-header-parameters.ts).
 */
function validatedParameters(op: Operation, location: ParamLocation): Operation["parameters"] {
  return op.parameters.filter((param) => param.in === location);
}

/**
 * Whether a schema may hold a string: a text body arrives as one (chain49.com `text/plain` with `type: object`
 * would refuse every body). A schema without `type` may.
 */
function admitsString(schema: Record<string, unknown> | undefined): boolean {
  const type = schema?.["type"];
  return type === undefined || type === "string" || (Array.isArray(type) && type.includes("string"));
}

function operationPlace(op: Operation): string {
  return `${op.method.toUpperCase()} ${op.pathKey}`;
}

/** Formats neither JSON Schema nor OpenAPI define (custom ones) are accepted unchecked rather than rejected. */
function unknownFormats(root: unknown, schemas: unknown[]): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === "object" && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "format" && typeof value === "string") found.add(value);
        else visit(value);
      }
    }
  };
  visit(root);
  schemas.forEach(visit);
  return [...found].filter((format) => !KNOWN_FORMATS.has(format)).sort();
}

/**
 * Makes an allErrors module stop after `budget` errors. ajv adds each error with a `vErrors.push` and an
 * `errors++;` line of its own (`lines: true`; no string literal holds a raw newline, so such a line is always
 * code), and names exports `export const name = validateN;`. Each error is also recorded module-wide; past the
 * budget a sentinel unwinds every nested validator, and the exported wrapper answers with what was recorded and
 * `truncated: true`. Recorded errors may include those of `anyOf`/`oneOf` branches that would have been rolled
 * back: the verdict module has already said the data is invalid, so only the list is approximate.
 */
function boundErrors(code: string, budget: number): string {
  const helpers = [
    'const __stop = Symbol("error budget spent");',
    "let __seen = [];",
    `function __record(error) { __seen.push(error); if (__seen.length > ${budget}) throw __stop; }`,
    "function __bounded(validate) {",
    "  const bounded = (data) => {",
    "    __seen = [];",
    "    try { const valid = validate(data); bounded.errors = validate.errors; bounded.truncated = false; return valid; }",
    "    catch (error) { if (error !== __stop) throw error; bounded.errors = __seen; bounded.truncated = true; return false; }",
    "    finally { __seen = []; }",
    "  };",
    "  return bounded;",
    "}",
  ];
  const body = code
    .replace(/^errors\+\+;$/gm, "errors++;__record(vErrors[vErrors.length - 1]);")
    .replace(/^export const ([\w$]+) = (validate\d+);$/gm, "export const $1 = __bounded($2);");
  return `${helpers.join("\n")}\n${body}`;
}

/**
 * ajv's standalone ESM still `require`s its small runtime helpers (string length, deep equal, formats); turn
 * each into an import so the module loads as ESM. `__cjs` yields `module.exports` whether the loader is Node
 * (namespace `default` = module.exports) or a bundler honouring `__esModule` (namespace = the exports).
 */
function esmImports(code: string): string {
  const modules = new Map<string, string>();
  const body = code.replace(/^"use strict";/, "").replace(/require\("([^"]+)"\)/g, (_match, specifier: string) => {
    let local = modules.get(specifier);
    if (local === undefined) {
      local = `__runtime${modules.size}`;
      modules.set(specifier, local);
    }
    return local;
  });
  if (modules.size === 0) return body;
  const lines: string[] = [];
  for (const [specifier, local] of modules) {
    const namespace = local.replace("__runtime", "__namespace");
    // Deep imports into a package (`ajv/dist/runtime/…`) need the extension under ESM; a bare package name does not.
    const file = specifier.endsWith(".js") || !specifier.includes("/") ? specifier : `${specifier}.js`;
    lines.push(`import * as ${namespace} from ${JSON.stringify(file)};`);
    lines.push(`const ${local} = __cjs(${namespace});`);
  }
  lines.push(
    'function __cjs(ns) { const d = ns.default; return d !== null && (typeof d === "object" || typeof d === "function") && d.__esModule ? d : ns; }',
  );
  return `${lines.join("\n")}\n${body}`;
}
