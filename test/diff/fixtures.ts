import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpec, type SpecDocument } from "../../generator/load/index.js";
import { diffDocuments, type DiffResult } from "../../generator/diff/index.js";

export type Json = Record<string, unknown>;

/** A minimal valid document around the given paths (and components), in major version 1 unless told. */
export function api(paths: Json, extra: Json = {}): Json {
  return {
    openapi: "3.1.0",
    info: { title: "Test API", version: "1.0.0" },
    servers: [{ url: "https://api.example.com/v1" }],
    paths,
    ...extra,
  };
}

const ok = { "200": { description: "ok" } };

export function getWith(parameters: unknown[], responses: Json = ok): Json {
  return { "/pets": { get: { operationId: "listPets", parameters, responses } } };
}

export function postWith(schema: Json, required = true): Json {
  return {
    "/pets": {
      post: {
        operationId: "createPet",
        requestBody: { required, content: { "application/json": { schema } } },
        responses: { "201": { description: "created" } },
      },
    },
  };
}

export function getReturning(schema: Json, extra: Json = {}): Json {
  return {
    "/pets/{id}": {
      get: {
        operationId: "getPet",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok", content: { "application/json": { schema } }, ...extra } },
      },
    },
  };
}

export function query(name: string, schema: Json, more: Json = {}): Json {
  return { name, in: "query", schema, ...more };
}

let directory: string | undefined;
let counter = 0;

function write(document: Json): string {
  directory ??= mkdtempSync(join(tmpdir(), "specwright-diff-"));
  const file = join(directory, `spec-${++counter}.json`);
  writeFileSync(file, JSON.stringify(document, null, 2));
  return file;
}

/** Writes both documents to files and loads them as the CLI would. */
export async function loadPair(before: Json, after: Json): Promise<[SpecDocument, SpecDocument]> {
  return Promise.all([loadSpec(write(before)), loadSpec(write(after))]);
}

/** Writes both documents to files, loads them as the CLI would and diffs them. */
export async function diffSpecs(before: Json, after: Json): Promise<DiffResult> {
  const [oldDoc, newDoc] = await loadPair(before, after);
  return diffDocuments(oldDoc, newDoc);
}

/** The changes as `id:classification`, sorted, without the info.version note. */
export function ids(result: DiffResult): string[] {
  return result.changes
    .filter((change) => change.id !== "info-version-changed")
    .map((change) => `${change.id}:${change.classification}`)
    .sort();
}
