import { dirname, resolve } from "node:path";
import type { ValidateFunction } from "ajv";
import { PRESET_NAMES, type PresetName } from "../conventions/index.js";
import type { SourceFile } from "../load/source-file.js";
import { configValidator, describeShapeError } from "./config-validator.js";
import { CONFIG_SCHEMA } from "./config-schema.js";
import { ConfigError } from "./config-error.js";
import type { ApiEntry, ConfigOverride, SpecwrightConfig } from "./types.js";
import { RuleCatalog } from "./rule-entries.js";
import { applySharedConfigs, mergePartialSettings, mergeRuleEntries } from "./shared-configs.js";
import { extendsEntries, isPreset, NO_EXTENSIONS, type ConfigExtensions } from "./extensions/load-extensions.js";
import { parseDiffPolicy, type RawDiffSettings } from "./diff-policy.js";
import { defaultPortalSettings, parsePortalSettings, type RawPortalSettings } from "./portal-settings.js";

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
export interface RawConfig {
  extends?: string | string[];
  plugins?: string[];
  settings?: SpecwrightConfig["settings"];
  rules?: RawRules;
  overrides?: RawOverride[];
  baseline?: string;
  diff?: RawDiffSettings;
  portal?: RawPortalSettings;
  apis?: RawApi[];
}

/** The built-in defaults: what a project without a config file gets. */
export function defaultConfig(dir: string): SpecwrightConfig {
  return {
    file: undefined,
    dir,
    extends: "recommended",
    customRules: [],
    settings: {},
    rules: {},
    overrides: [],
    baseline: undefined,
    diff: { severity: {}, stability: [], accept: [] },
    apis: [],
    portal: defaultPortalSettings(),
  };
}

/** The config as written, checked against CONFIG_SCHEMA; a mistake is a ConfigError at its line:col. */
export function checkConfigShape(source: SourceFile): RawConfig {
  const value = source.value ?? {};
  // Compiled on first use, and cached on disk: commands that never read a config do not pay for it, and later runs
  // do not load ajv at all.
  validateShape ??= configValidator("config", CONFIG_SCHEMA);
  const fail = failAt(source);
  if (!validateShape(value)) fail(...describeShapeError(validateShape.errors![0]!, CONFIG_SCHEMA));
  const written = (value as { extends?: unknown }).extends;
  const isName = (entry: unknown) => typeof entry === "string" && entry !== "";
  if (
    written !== undefined &&
    !isName(written) &&
    !(Array.isArray(written) && written.length > 0 && written.every(isName))
  ) {
    fail(
      "`extends` must be a name or a list of names",
      "/extends",
      `write a preset (${PRESET_NAMES.join(", ")}), a package, a ./path, or a list of them: extends: [recommended, "@acme/specwright-rules"]`,
    );
  }
  return value as RawConfig;
}

/**
 * Validates a parsed config file and resolves it, with the plugins and shareable configs it names already loaded
 * (loadConfigFile does that); every mistake is a ConfigError at the offending line:col.
 */
export function parseConfig(source: SourceFile, extensions: ConfigExtensions = NO_EXTENSIONS): SpecwrightConfig {
  const fail = failAt(source);
  const raw = checkConfigShape(source);
  const dir = dirname(source.path);
  raw.overrides?.forEach((override, index) => {
    if (override.pointer !== undefined && override.settings !== undefined) {
      fail(
        "an override with `pointer` cannot change `settings`",
        `/overrides/${index}/settings`,
        "move these settings to an override by `files` only (settings apply to whole documents)",
      );
    }
  });
  const catalog = new RuleCatalog();
  for (const { rule, origin, pointer } of extensions.rules)
    catalog.add(rule, origin, (message, fix) => fail(message, pointer, fix));
  const declarativeDocs = (pointer: string) => `${source.path}:${source.locate(pointer).line}`;
  const shared = applySharedConfigs(extensions.shared, catalog, fail);
  const presets = extendsEntries(raw.extends).map(([entry, pointer]) => {
    if (!isPreset(entry) && !extensions.shared.some((config) => config.pointer === pointer))
      fail(
        `unknown preset or shareable config "${entry}"`,
        pointer,
        `use one of ${PRESET_NAMES.join(", ")}, or a package (or ./path) that exports a config`,
      );
    return entry;
  });
  const preset = presets.filter(isPreset).at(-1) as PresetName | undefined;
  return {
    file: source.path,
    dir,
    extends: preset ?? shared.preset ?? "recommended",
    settings: mergePartialSettings(shared.settings, raw.settings ?? {}),
    rules: mergeRuleEntries(shared.rules, catalog.normalise(raw.rules ?? {}, "/rules", fail, { declarativeDocs })),
    overrides: (raw.overrides ?? []).map((override, index) => ({
      files: override.files,
      pointer: override.pointer,
      settings: override.settings,
      rules: catalog.normalise(override.rules ?? {}, `/overrides/${index}/rules`, fail, {
        severityOnly: override.pointer !== undefined,
      }),
    })),
    customRules: catalog.custom,
    baseline: raw.baseline === undefined ? undefined : resolve(dir, raw.baseline),
    diff: parseDiffPolicy(raw.diff, source, fail),
    apis: resolveApis(raw.apis ?? [], dir, fail),
    portal: parsePortalSettings(raw.portal, dir, fail),
  };
}

/** Throws a ConfigError at the line:col of a JSON pointer into the config file. */
export function failAt(source: SourceFile): Fail {
  return (message, pointer, fix) => {
    throw new ConfigError({ message, file: source.path, ...source.locate(pointer), fix });
  };
}

type Fail = (message: string, pointer: string, fix: string) => never;

function resolveApis(apis: RawApi[], dir: string, fail: Fail): ApiEntry[] {
  const seen = new Set<string>();
  return apis.map((api, index) => {
    if (seen.has(api.name))
      fail(`duplicate api name "${api.name}"`, `/apis/${index}/name`, "give every api a unique name");
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
