// Small builders for the rules' `optionsSchema`: every rule's options are a map whose unknown keys are refused
// (so `singletonz` is an error with a suggestion, not silently ignored).

/** The schema of a rule's options map: exactly these keys, each optional (config options merge over the defaults). */
export function optionsSchema(properties: Record<string, object>): object {
  return { type: "object", additionalProperties: false, properties };
}

/** A rule that takes no options. */
export const NO_OPTIONS = optionsSchema({});

export const STRING_LIST = { type: "array", items: { type: "string" } } as const;
export const NON_EMPTY_STRING = { type: "string", minLength: 1 } as const;
export const BOOLEAN = { type: "boolean" } as const;
export const POSITIVE_INTEGER = { type: "integer", minimum: 1 } as const;
