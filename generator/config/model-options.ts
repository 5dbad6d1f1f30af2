import { resolve } from "node:path";
import type { BuildModelOptions } from "../model/build-model.js";
import type { NamingStyle } from "../model/method-names.js";
import type { PaginationDeclaration } from "../model/pagination.js";
import { lintConfigFor } from "./lint-config-for.js";
import type { ApiEntry, SpecwrightConfig } from "./types.js";

/** What one API's entry in the config says about its model; absent fields fall back to `settings`. */
export type ApiModelSettings = Pick<ApiEntry, "pagination" | "autoPagination" | "names">;

/** The entry of `config.apis` for a spec file, as far as the model is concerned (none: no declarations). */
export function apiModelSettings(config: SpecwrightConfig, specFile: string): ApiModelSettings {
  const file = resolve(specFile);
  const entry = config.apis.find((api) => api.spec === file);
  return {
    pagination: entry?.pagination ?? {},
    ...(entry?.autoPagination !== undefined ? { autoPagination: entry.autoPagination } : {}),
    ...(entry?.names !== undefined ? { names: entry.names } : {}),
  };
}

/**
 * The one translation of a config into model options, shared by `generate`, the library and the portal's mocks, so a
 * mock pages exactly as the generated server does: per-operation and API-wide (`"*"`) pagination declarations, the
 * auto-detection switch, the items field and the error schema from the settings for this file, and the naming style.
 */
export function modelOptionsFor(
  config: SpecwrightConfig,
  source: string,
  api: ApiModelSettings,
  names?: NamingStyle,
): BuildModelOptions {
  // The settings that apply to this file, `overrides[].settings` included, as lint sees them.
  const { settings } = lintConfigFor(config, resolve(source));
  const { "*": apiWide, ...byOperation } = api.pagination;
  const style = names ?? api.names;
  return {
    source,
    ...(apiWide !== undefined ? { pagination: apiWide as PaginationDeclaration } : {}),
    paginationByOperation: byOperation,
    itemsField: settings.pagination.itemsProperty,
    autoPagination: api.autoPagination ?? settings.pagination.auto,
    errorSchema: { name: settings.errors.schema, mediaType: settings.errors.mediaType },
    ...(style !== undefined ? { names: style } : {}),
  };
}
