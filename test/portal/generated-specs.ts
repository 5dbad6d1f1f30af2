import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface GeneratedSpecs {
  root: string;
  specsDir: string;
  cacheDir: string;
  cleanup(): Promise<void>;
}

/** The JSON of a tiny spec: `count` GET operations on `/{name}/items{i}`, tagged `tag`, with operationIds. */
export function tinySpec(
  name: string,
  options: { title?: string; tag?: string; description?: string; operations?: number } = {},
): string {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < (options.operations ?? 1); i++) {
    paths[`/${name}/items${i === 0 ? "" : i}`] = {
      get: {
        operationId: `list-${name}-items${i === 0 ? "" : i}`,
        summary: `List the ${name} items`,
        tags: [options.tag ?? "general"],
        responses: { "200": { description: "The items." } },
      },
    };
  }
  return JSON.stringify({
    openapi: "3.1.0",
    info: {
      title: options.title ?? `Service ${name}`,
      version: "1.0.0",
      description: options.description ?? `Handles ${name}.`,
    },
    tags: [{ name: options.tag ?? "general" }],
    paths,
  });
}

/** `count` tiny specs at `<specs>/svc-NN/v1/openapi.json` (every fifth tagged `billing`), and an empty cache folder. */
export async function generatedSpecs(count: number): Promise<GeneratedSpecs> {
  const root = await mkdtemp(join(tmpdir(), "specwright-catalog-"));
  const specsDir = join(root, "specs");
  for (let i = 0; i < count; i++) {
    const name = `svc-${String(i).padStart(2, "0")}`;
    await writeSpec(specsDir, name, tinySpec(name, { tag: i % 5 === 0 ? "billing" : "general" }));
  }
  return { root, specsDir, cacheDir: join(root, "cache"), cleanup: () => rm(root, { recursive: true, force: true }) };
}

export async function writeSpec(specsDir: string, name: string, text: string): Promise<string> {
  const file = join(specsDir, name, "v1", "openapi.json");
  await mkdir(join(specsDir, name, "v1"), { recursive: true });
  await writeFile(file, text);
  return file;
}

/**
 * The JSON of a spec the default rules pass: servers, security, errors as Problem Details, 429 and 500 documented.
 * `warnings: true` leaves the 429's Retry-After header out, which is one warning (rest/rate-limit) and no error.
 */
export function conventionalSpec(name: string, options: { tag?: string; warnings?: boolean } = {}): string {
  const tag = options.tag ?? "general";
  const problem = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };
  const string = { type: "string" };
  return JSON.stringify({
    openapi: "3.1.0",
    info: { title: `Service ${name}`, version: "1.0.0", description: `Handles ${name}.` },
    servers: [{ url: "https://api.example.com/v1" }],
    security: [],
    tags: [{ name: tag }],
    paths: {
      "/v1/items": {
        get: {
          operationId: "listItems",
          summary: `List the ${name} items`,
          tags: [tag],
          responses: {
            "200": { description: "The items." },
            "429": {
              description: "Too many requests.",
              headers: options.warnings ? undefined : { "Retry-After": { schema: { type: "integer" } } },
              content: problem,
            },
            "500": { description: "The server failed.", content: problem },
          },
        },
      },
    },
    components: {
      schemas: {
        Problem: {
          type: "object",
          properties: {
            type: string,
            title: string,
            status: { type: "integer" },
            detail: string,
            instance: string,
            code: string,
            errors: {
              type: "array",
              items: { type: "object", properties: { field: string, code: string, message: string } },
            },
          },
        },
      },
    },
  });
}
