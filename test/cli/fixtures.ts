/** A small spec that is valid OpenAPI and breaks conventions on known lines (see the line numbers in comments). */
export const FLAWED_SPEC = [
  "openapi: 3.1.0", // 1
  "info: { title: Flawed, version: 1.0.0 }", // 2
  "servers: [{ url: 'https://api.example.com/v1' }]", // 3
  "paths:", // 4
  "  /Pets:", // 5  rest/path-casing
  "    get: { operationId: listPets, responses: { '204': { description: none } } }", // 6
  "",
].join("\n");

/** Only the casing rule on, as a warning: a document whose only problems are warnings. */
export const WARN_ONLY_CONFIG = "extends: minimal\nrules:\n  rest/path-casing: warn\n";
/** The casing rule as an error. */
export const ERROR_CONFIG = "extends: minimal\nrules:\n  rest/path-casing: error\n";
