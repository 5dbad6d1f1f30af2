import type { ConventionSettings, PresetName, SeveritySetting } from "../conventions/index.js";
import type { AnyRule } from "../conventions/rule.js";
import type { DeepPartial } from "../conventions/settings.js";
import type { DiffPolicy } from "../diff/policy/types.js";

/** One rule's entry in the config after normalising its three spellings (`warn`, `[warn, {..}]`, `{ severity, options }`). */
export interface RuleEntry {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface ConfigOverride {
  /** Globs relative to the config file's folder; absent means every file. */
  files?: string[];
  /** Only problems under this JSON pointer of the root document (severities only). */
  pointer?: string;
  settings?: DeepPartial<ConventionSettings>;
  rules: Record<string, RuleEntry>;
}

/** An API that `specwright generate` (without a spec argument) and `npm start` build. Paths are absolute. */
export interface ApiEntry {
  name: string;
  spec: string;
  out: string;
  client: boolean;
  server: boolean;
  /** Lint preset used to gate generation. */
  preset?: PresetName;
  /** Declared pagination schemes per operationId. */
  pagination: Record<string, unknown>;
  /** False: detect no pagination for this API (only declarations page); absent: `settings.pagination.auto`. */
  autoPagination?: boolean;
  /** Grouped client method names: "rule" (default: list, get, create, ...) or "operationId" (the ids as they are). */
  names?: "rule" | "operationId";
  /** Also generate the client's TanStack Query v5 adapter (tanstack-query.ts); absent: false. */
  tanstackQuery?: boolean;
}

/** A loaded `specwright.config.yaml` (or the defaults when there is none). */
export interface SpecwrightConfig {
  /** Absolute path of the config file; undefined for the built-in defaults. */
  file: string | undefined;
  /** Folder that relative paths and `overrides[].files` globs are resolved against. */
  dir: string;
  /** The preset `extends` names (the last one), else a shareable config's, else `recommended`. */
  extends: PresetName;
  /** Rules from `plugins`, shareable configs and `declarative` entries: linted beside the built-in ones. */
  customRules: AnyRule[];
  /** `settings` after those of the shareable configs in `extends`. */
  settings: DeepPartial<ConventionSettings>;
  /** The shareable configs' rule entries, then the config's own (later wins). */
  rules: Record<string, RuleEntry>;
  overrides: ConfigOverride[];
  /** Absolute path of the baseline file, when the config names one. */
  baseline: string | undefined;
  /** `diff:`: the accept-list, severity overrides and stability globs `specwright diff` applies. */
  diff: DiffPolicy;
  apis: ApiEntry[];
  portal: PortalSettings;
}

/** Theme colours (validated CSS colours); each falls back to the portal's own. */
export interface PortalColors {
  /** Links, buttons, the current tab; Redoc's primary colour. */
  primary?: string;
  /** The top bar's background. */
  header?: string;
  headerText?: string;
}

/** `portal:` of specwright.config.yaml: what `specwright portal` and `createPortal` brand their pages with. */
export interface PortalSettings {
  /** Shown in the top bar and page titles (default "API portal"). */
  title?: string;
  /** A local image file (absolute path) served by the portal as /assets/brand/logo.<ext>. */
  logo?: { file: string; contentType: string; extension: string };
  colors: PortalColors & { dark: PortalColors };
  /** Footer links, http(s) only. */
  footer: { label: string; url: string }[];
  /** Above this many operations, the reference shows one tag group at a time (default 250). */
  tagGroupThreshold: number;
  /** Swagger UI's Authorize dialog: authorization code + PKCE with this public client. */
  oauth2?: { clientId: string; scopes: string[] };
}
