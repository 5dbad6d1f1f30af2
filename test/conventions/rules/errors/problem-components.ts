/**
 * A complete RFC 9457 Problem schema (with the `code` and `errors` extensions) as a `components` block, to append at
 * the end of a fixture so the lines above it keep their numbers.
 */
export const PROBLEM_COMPONENTS = `components:
  schemas:
    Problem:
      type: object
      properties:
        type: { type: string }
        title: { type: string }
        status: { type: integer }
        detail: { type: string }
        instance: { type: string }
        code: { type: string }
        errors:
          type: array
          items:
            type: object
            properties: { field: { type: string }, code: { type: string }, message: { type: string } }
`;
