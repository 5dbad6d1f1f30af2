import type { Classification } from "./types.js";

/** Which way data flows through a schema: what a client sends (request) or what it receives (response). */
export type Direction = "request" | "response";

/** Where a schema sits; it prefixes the check id of every change found inside it (`request-property-removed`). */
export type SchemaScope =
  | "param"
  | "request"
  | "response"
  | "response-header"
  | "error-schema"
  | "webhook-payload"
  | "webhook-param"
  | "webhook-response";

/**
 * A webhook turns the roles around (OpenAPI 3.1 §4.8.1 `webhooks`): the API sends the payload and its headers to
 * the subscriber, so they are judged like a response; the subscriber's answer is read by the API, like a request.
 */
export const SCOPE_DIRECTION: Record<SchemaScope, Direction> = {
  param: "request",
  request: "request",
  response: "response",
  "response-header": "response",
  "error-schema": "response",
  "webhook-payload": "response",
  "webhook-param": "response",
  "webhook-response": "request",
};

interface SchemaKindRule {
  request: Classification;
  response: Classification;
  description: string;
}

/**
 * What a change inside a schema means, by direction. A request schema must still accept everything the old one
 * accepted (clients keep sending it); a response schema must not produce anything the old one did not promise.
 */
export const SCHEMA_KINDS = {
  "type-changed": { request: "breaking", response: "breaking", description: "the type changed incompatibly" },
  "type-widened": {
    request: "non-breaking",
    response: "breaking",
    description: "the type accepts more (integer -> number, a type added to a union)",
  },
  "type-narrowed": {
    request: "breaking",
    response: "non-breaking",
    description: "the type accepts less (number -> integer)",
  },
  "format-changed": { request: "breaking", response: "breaking", description: "the format changed" },
  "format-added": { request: "breaking", response: "non-breaking", description: "a format now restricts the value" },
  "format-removed": {
    request: "non-breaking",
    response: "warning",
    description: "the format no longer restricts the value",
  },
  "enum-value-removed": { request: "breaking", response: "non-breaking", description: "an enum value was removed" },
  "enum-value-added": {
    request: "non-breaking",
    response: "warning",
    description: "an enum value was added (clients that switch on the value may not know it)",
  },
  "enum-added": { request: "breaking", response: "non-breaking", description: "an enum now restricts the value" },
  "enum-removed": {
    request: "non-breaking",
    response: "warning",
    description: "the enum no longer restricts the value",
  },
  "became-nullable": { request: "non-breaking", response: "breaking", description: "null is now allowed" },
  "became-non-nullable": { request: "breaking", response: "non-breaking", description: "null is no longer allowed" },
  "property-removed": { request: "warning", response: "breaking", description: "a property was removed" },
  "property-added": {
    request: "non-breaking",
    response: "non-breaking",
    description: "an optional property was added",
  },
  "required-property-added": {
    request: "breaking",
    response: "non-breaking",
    description: "a required property was added",
  },
  "property-became-required": {
    request: "breaking",
    response: "non-breaking",
    description: "an optional property became required",
  },
  "property-became-optional": {
    request: "non-breaking",
    response: "breaking",
    description: "a required property became optional (responses may omit it)",
  },
  "additional-properties-closed": {
    request: "breaking",
    response: "non-breaking",
    description: "additionalProperties became false",
  },
  "additional-properties-opened": {
    request: "non-breaking",
    response: "warning",
    description: "additionalProperties is no longer false",
  },
  "branch-removed": { request: "breaking", response: "non-breaking", description: "a oneOf/anyOf branch was removed" },
  "branch-added": { request: "non-breaking", response: "warning", description: "a oneOf/anyOf branch was added" },
  "constraint-tightened": {
    request: "breaking",
    response: "non-breaking",
    description:
      "a bound got stricter (minimum, maximum, minLength, maxLength, minItems, maxItems, pattern or uniqueItems added)",
  },
  "constraint-loosened": {
    request: "non-breaking",
    response: "warning",
    description: "a bound got looser or was removed",
  },
  "pattern-changed": {
    request: "warning",
    response: "warning",
    description:
      "the pattern changed in a way that cannot be decided (decided cases are constraint-tightened or constraint-loosened)",
  },
  "const-changed": {
    request: "breaking",
    response: "breaking",
    description: "the only allowed value (const, or an enum of one value) changed",
  },
  "schema-added": {
    request: "breaking",
    response: "non-breaking",
    description: "a schema now describes a media type that had none (anything was accepted)",
  },
  "schema-removed": {
    request: "non-breaking",
    response: "breaking",
    description: "the schema of a media type was removed (nothing is promised any more)",
  },
  "oneof-ambiguous": {
    request: "breaking",
    response: "breaking",
    description: "values that were valid now match several oneOf branches, which oneOf rejects",
  },
  "branches-undecidable": {
    request: "warning",
    response: "warning",
    description: "oneOf/anyOf branches changed in a way that cannot be decided",
  },
  "condition-changed": {
    request: "warning",
    response: "warning",
    description: "the `if` of an if/then/else changed (which values the condition selects cannot be decided)",
  },
  "property-deprecated": { request: "info", response: "info", description: "a property was deprecated" },
  "default-changed": {
    request: "warning",
    response: "info",
    description: "the default value changed (clients that omit the value get another behaviour)",
  },
} as const satisfies Record<string, SchemaKindRule>;

export type SchemaKind = keyof typeof SCHEMA_KINDS;

/** Checks outside schemas, with their fixed classification. */
export const CHECKS = {
  "path-removed": { classification: "breaking", description: "a path and all its operations were removed" },
  "path-added": { classification: "non-breaking", description: "a path was added" },
  "operation-removed": {
    classification: "breaking",
    description: "an operation (a method on a path that still exists) was removed",
  },
  "operation-added": { classification: "non-breaking", description: "an operation was added" },
  "operation-id-changed": {
    classification: "breaking",
    description: "the operationId changed (generated clients rename the method)",
  },
  "operation-deprecated": { classification: "info", description: "the operation was deprecated, with a sunset date" },
  "operation-deprecated-without-sunset": {
    classification: "warning",
    description: "the operation was deprecated without a sunset (x-sunset or a Sunset header)",
  },
  "security-requirement-added": {
    classification: "breaking",
    description: "a public operation now requires authentication",
  },
  "security-requirement-documented": {
    classification: "info",
    description:
      "authentication is described for the first time (the old document defined no security schemes at all, so it did not say the operation was public)",
  },
  "security-requirement-changed": {
    classification: "breaking",
    description: "a way to authenticate that worked before no longer does (scheme or scopes changed)",
  },
  "security-requirement-relaxed": {
    classification: "non-breaking",
    description: "a way to authenticate was added, or authentication is no longer required",
  },
  "security-scheme-changed": {
    classification: "breaking",
    description: "a security scheme in use changed its type, location, name or scheme",
  },
  "operation-undeprecated": { classification: "info", description: "the operation is no longer deprecated" },
  "param-deprecated": { classification: "info", description: "a parameter was deprecated" },
  "webhook-removed": {
    classification: "breaking",
    description: "a webhook (OpenAPI 3.1) is no longer sent: its subscribers stop receiving it",
  },
  "webhook-added": { classification: "non-breaking", description: "a webhook was added" },
  "webhook-deprecated": { classification: "info", description: "a webhook was deprecated" },
  "webhook-payload-removed": { classification: "breaking", description: "a webhook no longer sends a payload" },
  "webhook-payload-added": { classification: "non-breaking", description: "a webhook now sends a payload" },
  "webhook-payload-media-type-removed": {
    classification: "breaking",
    description: "a webhook payload is no longer sent in a media type",
  },
  "webhook-payload-media-type-added": {
    classification: "warning",
    description: "a webhook payload may be sent in a new media type (a subscriber cannot negotiate it away)",
  },
  "webhook-required-param-removed": {
    classification: "breaking",
    description: "a required header or parameter of a webhook call is no longer sent",
  },
  "webhook-param-removed": {
    classification: "warning",
    description: "an optional header or parameter of a webhook call was removed",
  },
  "webhook-param-became-optional": {
    classification: "breaking",
    description: "a required header or parameter of a webhook call may now be missing",
  },
  "webhook-param-added": {
    classification: "non-breaking",
    description: "a webhook call carries a new header or parameter",
  },
  "param-required-added": { classification: "breaking", description: "a required parameter was added" },
  "param-optional-added": { classification: "non-breaking", description: "an optional parameter was added" },
  "param-removed": {
    classification: "warning",
    description: "a parameter was removed (the server ignores or rejects what clients still send)",
  },
  "param-became-required": { classification: "breaking", description: "an optional parameter became required" },
  "param-became-optional": { classification: "non-breaking", description: "a required parameter became optional" },
  "param-location-changed": {
    classification: "breaking",
    description: "a parameter moved (query, header, path, cookie)",
  },
  "param-style-changed": { classification: "breaking", description: "the serialization style of a parameter changed" },
  "param-explode-changed": { classification: "breaking", description: "the explode setting of a parameter changed" },
  "request-body-required-added": { classification: "breaking", description: "a required request body was added" },
  "request-body-optional-added": { classification: "non-breaking", description: "an optional request body was added" },
  "request-body-became-required": { classification: "breaking", description: "the request body became required" },
  "request-body-became-optional": { classification: "non-breaking", description: "the request body became optional" },
  "request-body-removed": { classification: "warning", description: "the request body was removed" },
  "request-media-type-removed": {
    classification: "breaking",
    description: "a request media type is no longer accepted",
  },
  "request-media-type-added": { classification: "non-breaking", description: "a request media type was added" },
  "response-success-status-removed": {
    classification: "breaking",
    description: "a success (2xx/3xx) response status was removed",
  },
  "response-status-removed": { classification: "non-breaking", description: "an error response status was removed" },
  "response-status-added": { classification: "non-breaking", description: "a response status was added" },
  "response-media-type-removed": { classification: "breaking", description: "a response media type was removed" },
  "response-media-type-added": { classification: "non-breaking", description: "a response media type was added" },
  "response-required-header-removed": {
    classification: "breaking",
    description: "a required response header was removed",
  },
  "response-header-removed": { classification: "warning", description: "an optional response header was removed" },
  "response-header-became-optional": {
    classification: "breaking",
    description: "a required response header became optional",
  },
  "response-header-added": { classification: "non-breaking", description: "a response header was added" },
  "pagination-removed": { classification: "breaking", description: "a list operation lost its pagination" },
  "pagination-added": {
    classification: "breaking",
    description: "a list operation became paginated (clients read only the first page)",
  },
  "pagination-style-changed": {
    classification: "breaking",
    description: "a list operation changed its pagination style",
  },
  "info-version-changed": { classification: "info", description: "info.version changed" },
} as const satisfies Record<string, { classification: Classification; description: string }>;

export type CheckId = keyof typeof CHECKS;

export function schemaCheckId(scope: SchemaScope, kind: SchemaKind): string {
  return `${scope}-${kind}`;
}

export function schemaClassification(scope: SchemaScope, kind: SchemaKind): Classification {
  return SCHEMA_KINDS[kind][SCOPE_DIRECTION[scope]];
}

export interface CheckDescription {
  id: string;
  classification: Classification;
  description: string;
}

/** Every check id the diff can report, with its classification: the catalogue for docs and SARIF rules. */
export function allChecks(): CheckDescription[] {
  const fixed = Object.entries(CHECKS).map(([id, check]) => ({
    id,
    classification: check.classification,
    description: check.description,
  }));
  const scoped = (Object.keys(SCOPE_DIRECTION) as SchemaScope[]).flatMap((scope) =>
    (Object.keys(SCHEMA_KINDS) as SchemaKind[]).map((kind) => ({
      id: schemaCheckId(scope, kind),
      classification: schemaClassification(scope, kind),
      description: SCHEMA_KINDS[kind].description,
    })),
  );
  return [...fixed, ...scoped];
}
