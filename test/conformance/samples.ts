// Values for a schema that a server following the spec must accept: the spec's own examples and defaults when they
// fit, else a value built from the schema's type, format, pattern and bounds (the generator's synthesize.ts, which
// the generated mock's responses use too), else openapi-sampler's. Every candidate is checked against the schema
// (spec-schemas.ts) and the first that validates is used.
import { sample } from "openapi-sampler";
import type { JSONSchema7 } from "json-schema";
import { synthesize as synthesizeValue } from "../../generator/emit/server/synthesize.js";
import { deref, type Direction, type SpecSchemas } from "./spec-schemas.js";

/** The generator's constraint-aware value (the mock's responses use the same): what the schema requires. */
export function synthesize(document: unknown, node: unknown, direction: Direction): unknown {
  return synthesizeValue(document, node, { direction });
}

/** openapi-sampler's value, undefined when it throws (it does on some recursive schemas). */
export function sampled(document: unknown, schema: unknown, direction: Direction): unknown {
  try {
    return sample(
      schema as JSONSchema7,
      {
        skipReadOnly: direction === "request",
        skipWriteOnly: direction === "response",
        quiet: true,
        maxSampleDepth: 5,
      },
      document as JSONSchema7,
    );
  } catch {
    return undefined;
  }
}

/** Examples and defaults the schema itself documents. */
export function schemaExamples(document: unknown, node: unknown): unknown[] {
  const schema = deref(document, node);
  if (schema === undefined) return [];
  const found: unknown[] = [];
  if (schema.example !== undefined) found.push(schema.example);
  if (Array.isArray(schema.examples)) found.push(...schema.examples);
  if (schema.default !== undefined) found.push(schema.default);
  return found;
}

/** The first candidate the schema accepts; `undefined` when none does. */
export function firstValid(
  schemas: SpecSchemas,
  schema: unknown,
  candidates: readonly unknown[],
  direction: Direction,
): { value: unknown } | undefined {
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    if (schemas.accepts(schema, candidate, direction)) return { value: candidate };
  }
  return undefined;
}

/** Candidates in order of preference: documented ones first, then built ones. */
export function candidatesFor(
  document: unknown,
  schema: unknown,
  documented: readonly unknown[],
  direction: Direction,
): unknown[] {
  return [
    ...documented,
    ...schemaExamples(document, schema),
    synthesize(document, schema, direction),
    sampled(document, schema, direction),
  ];
}
