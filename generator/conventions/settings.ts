/**
 * API-wide choices the conventions depend on (CONVENTIONS.md): set in specwright.config.yaml under `settings`,
 * per file glob under `overrides`. Rules read them; generators read them too, so that lint and code agree.
 */
import { PROBLEM_JSON } from "../facts/error-schema.js";

/** The two paging styles the conventions allow (CONVENTIONS.md §4). */
export type PaginationStyle = "cursor" | "offset";

export interface ConventionSettings {
  pagination: {
    /**
     * The API's paging style. Unset: lint infers it from the list operations (the style most of them use, cursor on
     * a tie or when none pages), see rules/pagination/api-style.ts.
     */
    style?: PaginationStyle;
    /** Name of the array property in a list envelope. */
    itemsProperty: string;
    /**
     * Generators: false turns pagination detection off for the API (README "Pagination"); only `x-pagination` and
     * config declarations then page. Lint ignores it.
     */
    auto: boolean;
  };
  errors: {
    /** Name of the standard error schema in components.schemas. */
    schema: string;
    mediaType: string;
    /** Members the standard schema must declare. */
    requiredMembers: string[];
  };
  versioning: {
    strategy: "path" | "header" | "media-type";
    /** Header that carries the version when strategy is `header`. */
    header: string;
  };
  casing: {
    properties: "snake" | "camel";
  };
}

export const DEFAULT_SETTINGS: ConventionSettings = {
  pagination: { itemsProperty: "items", auto: true },
  errors: {
    schema: "Problem",
    mediaType: PROBLEM_JSON,
    requiredMembers: ["type", "title", "status", "detail", "instance", "code", "errors"],
  },
  versioning: { strategy: "path", header: "Api-Version" },
  casing: { properties: "snake" },
};

export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends Array<unknown> ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

export function mergeSettings(
  base: ConventionSettings,
  patch: DeepPartial<ConventionSettings> | undefined,
): ConventionSettings {
  if (!patch) return base;
  return {
    pagination: { ...base.pagination, ...patch.pagination },
    errors: { ...base.errors, ...patch.errors },
    versioning: { ...base.versioning, ...patch.versioning },
    casing: { ...base.casing, ...patch.casing },
  };
}
