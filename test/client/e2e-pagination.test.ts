// End to end (issue 12): clients generated for specs shaped like Asana, Slack, Notion and Jira, against a loopback
// server that pages the way each real API does and refuses what it would refuse. Every item arrives once, with the
// requests the API's scheme describes, and no walk asks for a page past the end.
import { writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asanaLike, asanaWithoutNextPage, jiraLike, notionLike, slackLike } from "../model/pagination-specs.js";
import { generateFromSpec, tempDir, typecheck } from "./generated-project.js";

const SPECS = {
  asana: asanaLike,
  slack: slackLike,
  notion: notionLike,
  jira: jiraLike,
  asanaBare: asanaWithoutNextPage,
};
const THINGS = Array.from({ length: 8 }, (_, i) => ({ id: `t${i}`, name: `Thing ${i}` }));

// Code a user writes: items are typed through nested paths, and the undetected list still has a manual way.
const USAGE = `
import { createClient as asana } from "./asana/client/client.js";
import { createClient as slack } from "./slack/client/client.js";
import { createClient as asanaBare, walkPages } from "./asanaBare/client/client.js";
import type { components } from "./asana/client/types.js";

export async function usage(): Promise<void> {
  for await (const thing of asana({}).things.list({ limit: 3 }, { maxPages: 10 })) {
    const typed: components["schemas"]["Thing"] = thing;
    void typed.id;
  }
  for await (const page of slack({}).things.list().pages()) void page.response_metadata?.next_cursor;
  const first = await asanaBare({}).things.list({ limit: 3 });
  void first.data;
  for await (const page of walkPages((p: { offset?: string }) => asanaBare({}).things.list(p), {}, () => undefined)) void page.data;
}
`;

interface Exchange {
  url: string;
  status: number;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** Opaque tokens, as real APIs issue them: only a token the server gave out is accepted back. */
class Tokens {
  private readonly positions = new Map<string, number>();
  issue(position: number): string {
    const token = Buffer.from(`pos:${position}:${this.positions.size}`).toString("base64url");
    this.positions.set(token, position);
    return token;
  }
  read(token: string | null): number | undefined {
    return token === null ? 0 : this.positions.get(token);
  }
}

function handle(req: IncomingMessage, res: ServerResponse, log: Exchange[], tokens: Tokens): void {
  const url = new URL(req.url ?? "/", "http://localhost");
  const q = url.searchParams;
  const answer = (status: number, body: unknown) => {
    log.push({ url: `${url.pathname}${url.search}`, status });
    send(res, status, body);
  };
  const page = (start: number, size: number) => ({
    items: THINGS.slice(start, start + size),
    end: start + size >= THINGS.length,
    next: start + size,
  });
  if (url.pathname === "/projects") {
    // Asana: `offset` is a token from next_page.offset; a number it did not issue is a 400.
    const start = tokens.read(q.get("offset"));
    if (start === undefined) return answer(400, { errors: [{ message: "offset: Your pagination token is invalid." }] });
    const { items, end, next } = page(start, Number(q.get("limit") ?? 100));
    return answer(200, {
      data: items,
      next_page: end ? null : { offset: tokens.issue(next), path: "/projects", uri: "https://api.test/projects" },
    });
  }
  if (url.pathname === "/conversations.list") {
    const start = tokens.read(q.get("cursor") || null);
    if (start === undefined) return answer(200, { ok: false, error: "invalid_cursor" });
    const { items, end, next } = page(start, Number(q.get("limit") ?? 100));
    return answer(200, {
      ok: true,
      channels: items,
      response_metadata: { next_cursor: end ? "" : tokens.issue(next) },
    });
  }
  if (url.pathname === "/users") {
    const start = tokens.read(q.get("start_cursor"));
    if (start === undefined) return answer(400, { object: "error", code: "validation_error" });
    const { items, end, next } = page(start, Number(q.get("page_size") ?? 100));
    return answer(200, {
      object: "list",
      results: items,
      next_cursor: end ? null : tokens.issue(next),
      has_more: !end,
    });
  }
  if (url.pathname === "/rest/api/3/project/search") {
    // Jira: caps maxResults at 3 whatever is asked; says isLast and total.
    const start = Number(q.get("startAt") ?? 0);
    if (!Number.isInteger(start) || start >= THINGS.length)
      return answer(400, { errorMessages: [`startAt ${start} is past the end`] });
    const size = Math.min(3, Number(q.get("maxResults") ?? 50));
    const { items, end } = page(start, size);
    return answer(200, { startAt: start, maxResults: size, total: THINGS.length, isLast: end, values: items });
  }
  answer(404, { message: "no route" });
}

type List = (
  params?: object,
  options?: object,
) => AsyncIterable<{ id: string }> & PromiseLike<unknown> & { pages?: () => AsyncIterable<unknown> };
type ClientModule = { createClient: (options: object) => { things: { list: List } } };

describe("generated clients page like the real APIs", () => {
  let dir = "";
  let server: Server;
  let baseUrl = "";
  const log: Exchange[] = [];
  const tokens = new Tokens();
  const load = async (name: keyof typeof SPECS) =>
    (await import(pathToFileURL(join(dir, name, "client", "client.ts")).href)) as ClientModule;
  const walk = async (name: keyof typeof SPECS, params: object) => {
    const { createClient } = await load(name);
    log.length = 0;
    const ids: string[] = [];
    for await (const thing of createClient({ baseUrl }).things.list(params)) ids.push(thing.id);
    return ids;
  };

  beforeAll(async () => {
    dir = await tempDir("e2e-paging");
    for (const [name, spec] of Object.entries(SPECS)) {
      const file = join(dir, `${name}.json`);
      await writeFile(file, JSON.stringify(spec));
      await generateFromSpec(file, join(dir, name));
    }
    server = createServer((req, res) => handle(req, res, log, tokens));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("type-check with tsc --noEmit (strict) together with typed usage", async () => {
    await writeFile(join(dir, "usage.ts"), USAGE);
    expect((await typecheck(dir, ["usage.ts"])).output).toBe("");
  });

  it("Asana: sends back the string token from next_page.offset, never a computed number", async () => {
    expect(await walk("asana", { limit: 3 })).toEqual(THINGS.map((t) => t.id));
    expect(log.map((e) => e.status)).toEqual([200, 200, 200]);
    expect(log[0]?.url).toBe("/projects?limit=3");
    expect(
      log
        .slice(1)
        .every((e) => /^\/projects\?limit=3&offset=[A-Za-z0-9_-]+$/.test(e.url) && !/offset=\d+$/.test(e.url)),
    ).toBe(true);
  });

  it("Slack: cursor from response_metadata.next_cursor until it is empty", async () => {
    expect(await walk("slack", { limit: 5 })).toEqual(THINGS.map((t) => t.id));
    expect(log).toHaveLength(2);
    expect(log[1]?.url).toMatch(/^\/conversations\.list\?cursor=[A-Za-z0-9_-]+&limit=5$/);
  });

  it("Notion: start_cursor from next_cursor while has_more", async () => {
    expect(await walk("notion", { page_size: 4 })).toEqual(THINGS.map((t) => t.id));
    expect(log.map((e) => e.status)).toEqual([200, 200]);
  });

  it("Jira: startAt advances by what came back (maxResults capped at 3) and isLast ends it, with no request past the end", async () => {
    expect(await walk("jira", { maxResults: 50 })).toEqual(THINGS.map((t) => t.id));
    expect(log.map((e) => e.url)).toEqual([
      "/rest/api/3/project/search?maxResults=50",
      "/rest/api/3/project/search?maxResults=50&startAt=3",
      "/rest/api/3/project/search?maxResults=50&startAt=6",
    ]);
  });

  it("Asana without next_page in the spec: not auto-paginated; the first page is awaitable, walkPages pages by hand", async () => {
    const { createClient } = await load("asanaBare");
    const runtime = (await import(pathToFileURL(join(dir, "asanaBare", "client", "client.ts")).href)) as {
      walkPages: <P, T>(
        fetch: (p: P) => PromiseLike<T>,
        first: P,
        next: (page: T, p: P) => P | undefined,
      ) => AsyncIterable<T>;
    };
    const api = createClient({ baseUrl });
    log.length = 0;
    const first = (await api.things.list({ limit: 5 })) as { data: { id: string }[] };
    expect(first.data.map((t) => t.id)).toEqual(["t0", "t1", "t2", "t3", "t4"]);
    expect(Symbol.asyncIterator in (api.things.list({ limit: 5 }) as object)).toBe(false);
    type Page = { data: { id: string }[]; next_page: { offset: string } | null };
    const ids: string[] = [];
    const pages = runtime.walkPages(
      (p: object) => api.things.list(p) as PromiseLike<Page>,
      { limit: 5 } as object,
      (page: Page, p) => (page.next_page ? { ...p, offset: page.next_page.offset } : undefined),
    );
    for await (const page of pages) ids.push(...page.data.map((t) => t.id));
    expect(ids).toEqual(THINGS.map((t) => t.id));
  });
});
