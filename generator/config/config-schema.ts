import { PRESET_NAMES } from "../conventions/index.js";

export const SETTINGS_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    pagination: {
      type: "object",
      additionalProperties: false,
      properties: {
        style: { enum: ["cursor", "offset"] },
        itemsProperty: { type: "string", minLength: 1 },
        auto: { type: "boolean" },
      },
    },
    errors: {
      type: "object",
      additionalProperties: false,
      properties: {
        schema: { type: "string", minLength: 1 },
        mediaType: { type: "string", minLength: 1 },
        requiredMembers: { type: "array", items: { type: "string" } },
      },
    },
    versioning: {
      type: "object",
      additionalProperties: false,
      properties: { strategy: { enum: ["path", "header", "media-type"] }, header: { type: "string", minLength: 1 } },
    },
    casing: {
      type: "object",
      additionalProperties: false,
      properties: { properties: { enum: ["snake", "camel"] } },
    },
  },
} as const;

/** One accept-list entry (`diff.accept`, or an `--accept` file); check ids and operations are checked in code. */
export const ACCEPT_ENTRY_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["check", "reason", "expires"],
  properties: {
    check: { type: "string", minLength: 1 },
    operation: { type: "string", minLength: 1 },
    pointer: { type: "string", pattern: "^(/.*)?$" },
    reason: { type: "string", minLength: 1 },
    expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
  },
} as const;

const CLASSIFICATION_NAMES = ["breaking", "warning", "non-breaking", "info"] as const;

/** `diff:`: the policy `specwright diff` applies over the changes it finds (generator/diff/README.md#policy). */
const diffSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    accept: { type: "array", items: ACCEPT_ENTRY_SCHEMA },
    severity: { type: "object", additionalProperties: { enum: [...CLASSIFICATION_NAMES] } },
    stability: { type: "object", additionalProperties: { enum: ["alpha", "beta"] } },
  },
} as const;

const colorsSchema = {
  type: "object",
  additionalProperties: false,
  properties: { primary: { type: "string" }, header: { type: "string" }, headerText: { type: "string" } },
} as const;

/** `portal:`: branding, themes and try-it of `specwright portal`; colours, the logo and links are checked in code. */
const portalSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    title: { type: "string", minLength: 1 },
    logo: { type: "string", minLength: 1 },
    colors: { ...colorsSchema, properties: { ...colorsSchema.properties, dark: colorsSchema } },
    footer: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["label", "url"],
        properties: { label: { type: "string", minLength: 1 }, url: { type: "string", minLength: 1 } },
      },
    },
    tagGroupThreshold: { type: "integer", minimum: 1 },
    oauth2: {
      type: "object",
      additionalProperties: false,
      required: ["clientId"],
      properties: {
        clientId: { type: "string", minLength: 1 },
        scopes: { type: "array", items: { type: "string", minLength: 1 } },
      },
    },
  },
} as const;

/** Rule entries are only checked to be a map here: their spellings are normalised (with precise errors) in code. */
const rulesSchema = { type: "object" } as const;

/**
 * A preset or shareable config (package name, ./path), or a list of them: checked in code (ajv's strict mode
 * refuses union types), where presets and shareable configs are told apart.
 */
const extendsSchema = {} as const;

/** What a shareable config (a package named in `extends`) may set. */
export const SHARED_CONFIG_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: { extends: { enum: [...PRESET_NAMES] }, settings: SETTINGS_SCHEMA, rules: rulesSchema },
} as const;

/** The shape of specwright.config.yaml (see the config reference); unknown keys are errors so typos never pass silently. */
export const CONFIG_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    extends: extendsSchema,
    plugins: { type: "array", items: { type: "string", minLength: 1 } },
    settings: SETTINGS_SCHEMA,
    rules: rulesSchema,
    overrides: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        properties: {
          files: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
          pointer: { type: "string", pattern: "^(/.*)?$" },
          settings: SETTINGS_SCHEMA,
          rules: rulesSchema,
        },
      },
    },
    baseline: { type: "string", minLength: 1 },
    diff: diffSchema,
    portal: portalSchema,
    apis: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "spec"],
        properties: {
          name: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$" },
          spec: { type: "string", minLength: 1 },
          out: { type: "string", minLength: 1 },
          client: { type: "boolean" },
          server: { type: "boolean" },
          preset: { enum: [...PRESET_NAMES] },
          pagination: { type: "object" },
          autoPagination: { type: "boolean" },
          names: { enum: ["rule", "operationId"] },
          tanstackQuery: { type: "boolean" },
        },
      },
    },
  },
} as const;
