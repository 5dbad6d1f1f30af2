import { dirname, resolve } from "node:path";
import { createRequire } from "node:module";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { ALL_RULES, type PresetName, type SeveritySetting } from "../conventions/index.js";
import type { SourceFile } from "../load/source-file.js";
import { joinPointer } from "../load/json-pointer.js";
import { cachedValidator } from "../load/cached-validator.js";
import { CONFIG_SCHEMA } from "./config-schema.js";
import { ConfigError } from "./config-error.js";
import { closestMatch } from "./closest-match.js";
import type { ApiEntry, ConfigOverride, RuleEntry, SpecwrightConfig } from "./types.js";
import { parseDiffPolicy, type RawDiffSettings } from "./diff-policy.js";
import { defaultPortalSettings, parsePortalSettings, type RawPortalSettings } from "./portal-settings.js";

const SEVERITIES: readonly SeveritySetting[] = ["error", "warn", "off"];
let validateShape: ValidateFunction | undefined;

type RawRules = Record<string, unknown>;
interface RawOverride {
  files?: string[];
  pointer?: string;
  settings?: ConfigOverride["settings"];
  rules?: RawRules;
}
interface RawApi {
  name: string;
  spec: string;
  out?: string;
  client?: boolean;
  server?: boolean;
  preset?: PresetName;
  pagination?: Record<string, unknown>;
  autoPagination?: boolean;
  names?: "rule" | "operationId";
  tanstackQuery?: boolean;
}
interface RawConfig {
  extends?: PresetName;
  settings?: SpecwrightConfig["settings"];
  rules?: RawRules;
  overrides?: RawOverride[];
  baseline?: string;
  diff?: RawDiffSettings;
  portal?: RawPortalSettings;
  apis?: RawApi[];
}

function configShapeValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const options = { allErrors: false, strict: true };
  return cachedValidator<ValidateFunction>({
    name: "config",
    schema: CONFIG_SCHEMA,
    options,
    ajvVersion: (require("ajv/package.json") as { version: string }).version,
    compile: () => {
      const { Ajv: AjvClass } = require("ajv") as { Ajv: typeof Ajv };
      const ajv = new AjvClass({ ...options, code: { source: true } });
      return { ajv, validate: ajv.compile(CONFIG_SCHEMA) };
    },
    standaloneCode: (ajv, validate) => (require("ajv/dist/standalone") as { default: (ajv: Ajv, validate: ValidateFunction) => string }).default(ajv as Ajv, validate),
  });
}

/** The built-in defaults: what a project without a config file gets. */
export function defaultConfig(dir: string): SpecwrightConfig {
  return { file: undefined, dir, extends: "recommended", settings: {}, rules: {}, overrides: [], baseline: undefined, diff: { severity: {}, stability: [], accept: [] }, apis: [], portal: defaultPortalSettings() };
}

/** Validates a parsed config file and resolves it; every mistake is a ConfigError at the offending line:col. */
export function parseConfig(source: SourceFile): SpecwrightConfig {
  const value = source.value ?? {};
  const fail = (message: string, pointer: string, fix: string): never => {
    throw new ConfigError({ message, file: source.path, ...source.locate(pointer), fix });
  };
  // Compiled on first use, and cached on disk: commands that never read a config do not pay for it, and later runs
  // do not load ajv at all.
  validateShape ??= configShapeValidator();
  if (!validateShape(value)) {
    const error = validateShape.errors![0]!;
    fail(...describeShapeError(error));
  }
  const raw = value as RawConfig;
  const dir = dirname(source.path);
  raw.overrides?.forEach((override, index) => {
    if (override.pointer !== undefined && override.settings !== undefined) {
      fail("an override with `pointer` cannot change `settings`", `/overrides/${index}/settings`, "move these settings to an override by `files` only (settings apply to whole documents)");
    }
  });
  return {
    file: source.path,
    dir,
    extends: raw.extends ?? "recommended",
    settings: raw.settings ?? {},
    rules: normaliseRules(raw.rules ?? {}, "/rules", fail),
    overrides: (raw.overrides ?? []).map((override, index) => ({
      files: override.files,
      pointer: override.pointer,
      settings: override.settings,
      rules: normaliseRules(override.rules ?? {}, `/overrides/${index}/rules`, fail, override.pointer !== undefined),
    })),
    baseline: raw.baseline === undefined ? undefined : resolve(dir, raw.baseline),
    diff: parseDiffPolicy(raw.diff, source, fail),
    apis: resolveApis(raw.apis ?? [], dir, fail),
    portal: parsePortalSettings(raw.portal, dir, fail),
  };
}

type Fail = (message: string, pointer: string, fix: string) => never;

const KNOWN_RULE_IDS = new Set(ALL_RULES.map((rule) => rule.id));

function normaliseRules(rules: RawRules, at: string, fail: Fail, severityOnly = false): Record<string, RuleEntry> {
  const result: Record<string, RuleEntry> = {};
  for (const [id, entry] of Object.entries(rules)) {
    const pointer = joinPointer(at, id);
    if (!KNOWN_RULE_IDS.has(id)) {
      const guess = closestMatch(id, [...KNOWN_RULE_IDS]);
      fail(`unknown rule "${id}"`, pointer, `${guess ? `did you mean "${guess}"? ` : ""}the rule ids are listed in docs/rules.md`);
    }
    const normalised = normaliseRuleEntry(entry, pointer, fail);
    if (severityOnly && normalised.options !== undefined) fail(`rule options cannot be scoped to a pointer`, pointer, "give only a severity here (error, warn or off); set options at the top level or in an override by `files`");
    result[id] = normalised;
  }
  return result;
}

/** `warn` | `[warn]` | `[warn, { ... }]` | `{ severity: warn, options: { ... } }`. */
function normaliseRuleEntry(entry: unknown, pointer: string, fail: Fail): RuleEntry {
  const severityFix = `use one of ${SEVERITIES.join(", ")}, or [severity, { options }]`;
  const checkSeverity = (severity: unknown, at: string): SeveritySetting => {
    if (typeof severity === "string" && (SEVERITIES as readonly string[]).includes(severity)) return severity as SeveritySetting;
    return fail(`invalid severity ${JSON.stringify(severity)}`, at, severityFix);
  };
  const checkOptions = (options: unknown, at: string): Record<string, unknown> | undefined => {
    if (options === undefined) return undefined;
    if (options !== null && typeof options === "object" && !Array.isArray(options)) return options as Record<string, unknown>;
    return fail("rule options must be a map", at, "write the options as `{ name: value }`");
  };
  if (typeof entry === "string") return { severity: checkSeverity(entry, pointer) };
  if (Array.isArray(entry)) {
    if (entry.length === 0 || entry.length > 2) fail("a rule given as a list must be [severity] or [severity, options]", pointer, severityFix);
    return { severity: checkSeverity(entry[0], `${pointer}/0`), options: checkOptions(entry[1], `${pointer}/1`) };
  }
  if (entry !== null && typeof entry === "object") {
    const { severity, options, ...rest } = entry as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) fail(`unknown key "${extra}" in a rule entry`, joinPointer(pointer, extra), "a rule entry has only `severity` and `options`");
    return { severity: severity === undefined ? undefined : checkSeverity(severity, `${pointer}/severity`), options: checkOptions(options, `${pointer}/options`) };
  }
  return fail(`invalid rule entry ${JSON.stringify(entry)}`, pointer, severityFix);
}

function resolveApis(apis: RawApi[], dir: string, fail: Fail): ApiEntry[] {
  const seen = new Set<string>();
  return apis.map((api, index) => {
    if (seen.has(api.name)) fail(`duplicate api name "${api.name}"`, `/apis/${index}/name`, "give every api a unique name");
    seen.add(api.name);
    return {
      name: api.name,
      spec: resolve(dir, api.spec),
      out: resolve(dir, api.out ?? `gen/${api.name}`),
      client: api.client ?? true,
      server: api.server ?? true,
      preset: api.preset,
      pagination: api.pagination ?? {},
      ...(api.autoPagination !== undefined ? { autoPagination: api.autoPagination } : {}),
      ...(api.names !== undefined ? { names: api.names } : {}),
      ...(api.tanstackQuery !== undefined ? { tanstackQuery: api.tanstackQuery } : {}),
    };
  });
}

function describeShapeError(error: ErrorObject): [message: string, pointer: string, fix: string] {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    const key = params.additionalProperty;
    const allowed = allowedKeysAt(error.schemaPath);
    const guess = closestMatch(key, allowed);
    return [`unknown key "${key}"`, joinPointer(error.instancePath, key), `${guess ? `did you mean "${guess}"? ` : ""}allowed here: ${allowed.join(", ")}`];
  }
  if (error.keyword === "enum" && Array.isArray(params.allowedValues)) {
    return [`invalid value`, error.instancePath, `use one of ${params.allowedValues.join(", ")}`];
  }
  if (error.keyword === "required" && typeof params.missingProperty === "string") {
    return [`missing "${params.missingProperty}"`, error.instancePath, `add \`${params.missingProperty}:\` here`];
  }
  return [`invalid value: ${error.message ?? error.keyword}`, error.instancePath, "correct the value (see the specwright.config.yaml reference in the README)"];
}

/** The property names the schema allows at the place an `additionalProperties` error came from. */
function allowedKeysAt(schemaPath: string): string[] {
  const tokens = schemaPath.replace(/^#\//, "").split("/").slice(0, -1);
  let node: unknown = CONFIG_SCHEMA;
  for (const token of tokens) node = (node as Record<string, unknown> | undefined)?.[token];
  const properties = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}
