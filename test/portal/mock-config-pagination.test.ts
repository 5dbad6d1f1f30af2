// The portal's mock is generated from the config as `specwright generate` is: a pagination scheme declared only in
// specwright.config.yaml (nothing in the spec proves it) makes the mock page, with its own token, over a finite set.
import { mkdir, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortal, type PortalApp } from "../../generator/index.js";
import { emptySpecsDir } from "./portal-fixture.js";

const spec = {
  openapi: "3.1.0",
  info: { title: "Widgets", version: "1.0.0" },
  paths: {
    "/widgets": {
      get: {
        operationId: "listWidgets",
        parameters: [
          { name: "marker", in: "query", schema: { type: "string" } },
          { name: "size", in: "query", schema: { type: "integer", minimum: 1, maximum: 50 } },
        ],
        responses: {
          "200": {
            description: "a page",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["widgets"],
                  properties: {
                    widgets: {
                      type: "array",
                      items: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
                    },
                    more: { type: "object", properties: { marker: { type: ["string", "null"] } } },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

const declaration = {
  style: "cursor",
  tokenParam: "marker",
  nextTokenField: "more.marker",
  sizeParam: "size",
  itemsField: "widgets",
};

let root: { dir: string; cleanup: () => Promise<void> };
const portals: PortalApp[] = [];
const servers: Server[] = [];

async function serve(config: string): Promise<string> {
  const configFile = join(root.dir, `${config}.config.yaml`);
  const apis =
    config === "declared"
      ? `apis:\n  - name: widgets\n    spec: specs/widgets/v1/openapi.json\n    pagination:\n      listWidgets: ${JSON.stringify(declaration)}\n`
      : "";
  await writeFile(configFile, `extends: minimal\n${apis}`);
  const portal = await createPortal({ specs: join(root.dir, "specs"), config: configFile, watch: false });
  portals.push(portal);
  const server = portal.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((done) => server.once("listening", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/mock/widgets/v1`;
}

beforeAll(async () => {
  root = await emptySpecsDir();
  await mkdir(join(root.dir, "specs/widgets/v1"), { recursive: true });
  await writeFile(join(root.dir, "specs/widgets/v1/openapi.json"), JSON.stringify(spec, null, 2));
}, 60_000);

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  for (const portal of portals) portal.close();
  await root?.cleanup();
});

interface Page {
  widgets: Array<{ id: string }>;
  more?: { marker?: string | null };
}

describe("the portal mock and the config's pagination declarations", () => {
  it("pages a list the config declares, with the declared token at its nested field, to a last page", async () => {
    const base = await serve("declared");
    const seen: string[] = [];
    let marker: string | null | undefined;
    let pages = 0;
    do {
      const response = await fetch(`${base}/widgets?size=2${marker ? `&marker=${encodeURIComponent(marker)}` : ""}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      expect(page.widgets.length).toBeLessThanOrEqual(2);
      seen.push(...page.widgets.map((widget) => widget.id));
      marker = page.more?.marker;
      pages += 1;
    } while (marker && pages < 60);
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThan(60);
    expect(seen.length).toBeGreaterThan(2);
  });

  it("without the declaration does not page: the same sample answers whatever marker is sent", async () => {
    const base = await serve("plain");
    const first = (await (await fetch(`${base}/widgets?size=2`)).json()) as Page;
    const marker = first.more?.marker;
    expect(typeof marker).toBe("string");
    const again = (await (await fetch(`${base}/widgets?size=2&marker=${encodeURIComponent(marker!)}`)).json()) as Page;
    expect(again).toEqual(first);
  });
});
