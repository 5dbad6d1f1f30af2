// The portal in Chromium with a branded config: every page type loads with no console error and no request to another
// origin; the reference shows client code samples; dark mode follows the system and the switch; links between tag
// groups resolve; and Swagger UI's Authorize completes authorization code + PKCE against a local fake server.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfigFile, type PortalSettings } from "../../generator/config/index.js";
import type { RunningPortal } from "../../portal/server.js";
import { artifact, launchChromium } from "./browser-fixture.js";
import { startFakeAuthorizationServer, type FakeAuthorizationServer } from "./fake-authorization-server.js";
import { copyOfSpecs, startTestPortal } from "./portal-fixture.js";

const CLIENT_ID = "docs-portal";
const BRAND_COLOR = "rgb(11, 122, 90)";

/** Three tags of eight operations (above the configured threshold of 20; petstore's 14 are below), webhooks, and a link across groups. */
function bigSpec(): object {
  const paths: Record<string, unknown> = {};
  const ok = {
    "200": {
      description: "ok",
      content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } },
    },
  };
  for (const tag of ["Alpha", "Beta", "Gamma"]) {
    for (let i = 0; i < 8; i++) {
      const description =
        tag === "Alpha" && i === 0
          ? "Related: [the third Beta operation](#operation/beta3), [the sixth Alpha one](#operation/alpha5)."
          : undefined;
      paths[`/v1/${tag.toLowerCase()}/${i}`] = {
        get: {
          operationId: `${tag.toLowerCase()}${i}`,
          tags: [tag],
          summary: `${tag} number ${i}`,
          description,
          responses: ok,
        },
      };
    }
  }
  const event = {
    post: {
      summary: "Thing created",
      requestBody: {
        content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } },
      },
      responses: { "200": { description: "received" } },
    },
  };
  return {
    openapi: "3.1.0",
    info: { title: "Big API", version: "1.0.0" },
    servers: [{ url: "/v1" }],
    tags: [{ name: "Alpha" }, { name: "Beta" }, { name: "Gamma" }],
    paths,
    webhooks: { thingCreated: event },
  };
}

function securedSpec(auth: string): object {
  return {
    openapi: "3.0.3",
    info: { title: "Secured API", version: "1.0.0" },
    servers: [{ url: "https://secured.example.com/v1" }],
    security: [{ oauth: ["things.read"] }],
    paths: {
      "/things": {
        get: {
          operationId: "listThings",
          tags: ["things"],
          summary: "List things",
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { type: "object" }, example: { items: [] } } },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        oauth: {
          type: "oauth2",
          flows: {
            authorizationCode: {
              authorizationUrl: `${auth}/authorize`,
              tokenUrl: `${auth}/token`,
              scopes: { "things.read": "read things" },
            },
          },
        },
      },
    },
  };
}

const CONFIG = `portal:
  title: Acme APIs
  logo: brand/logo.svg
  colors: { primary: "#0b7a5a", dark: { primary: "#5fd3ae" } }
  footer:
    - { label: Status, url: https://status.example.com }
  tagGroupThreshold: 20
  oauth2: { clientId: ${CLIENT_ID}, scopes: [things.read] }
`;

let specs: { dir: string; cleanup: () => Promise<void> };
let portal: RunningPortal;
let browser: Browser;
let auth: FakeAuthorizationServer;
let brand: PortalSettings;

beforeAll(async () => {
  specs = await copyOfSpecs();
  auth = await startFakeAuthorizationServer(CLIENT_ID, () => portal.url);
  const root = dirname(specs.dir);
  await mkdir(join(root, "brand"), { recursive: true });
  await writeFile(
    join(root, "brand/logo.svg"),
    `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><circle cx="12" cy="12" r="10" fill="#0b7a5a"/></svg>`,
  );
  await writeFile(join(root, "specwright.config.yaml"), CONFIG);
  brand = (await loadConfigFile(join(root, "specwright.config.yaml"))).portal;
  for (const [name, spec] of [
    ["big", bigSpec()],
    ["secured", securedSpec(auth.url)],
  ] as const) {
    await mkdir(join(specs.dir, `${name}/v1`), { recursive: true });
    await writeFile(join(specs.dir, `${name}/v1/openapi.json`), JSON.stringify(spec, null, 2));
  }
  portal = await startTestPortal(specs.dir, { brand });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await auth?.close();
  await specs?.cleanup();
});

interface Watched {
  page: Page;
  errors: string[];
  outside: string[];
}

/** A page that records console errors, uncaught exceptions, failed requests and every request leaving the portal. */
async function watch(path: string, context: BrowserContextOptions = {}): Promise<Watched> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, ...context })).newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`exception: ${error.message}`));
  page.on("requestfailed", (request) => errors.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  page.on("request", (request) => {
    const url = request.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== portal.url) outside.push(url);
  });
  await page.goto(portal.url + path);
  return { page, errors, outside };
}

const redocReady = (page: Page, theme?: string) =>
  page.waitForSelector(`#redoc[data-redoc-ready]${theme ? `[data-redoc-theme="${theme}"]` : ""}`, { timeout: 60_000 });

const PAGES: [path: string, ready: (page: Page) => Promise<unknown>][] = [
  ["/", (page) => page.waitForSelector("#api-list")],
  ["/rules/", (page) => page.waitForSelector("h1")],
  ["/apis/petstore/v1/", redocReady],
  ["/apis/petstore/v1/swagger/", (page) => page.waitForSelector("#operations-pets-listPets", { timeout: 60_000 })],
  ["/apis/petstore/v1/lint/", (page) => page.waitForSelector(".api-header")],
  ["/apis/petstore/v2/changelog/", (page) => page.waitForSelector(".api-header")],
  ["/apis/big/v1/", (page) => page.waitForSelector(".tag-groups")],
  ["/apis/big/v1/tags/alpha/", redocReady],
  ["/apis/big/v1/tags/webhooks/", redocReady],
  ["/apis/secured/v1/swagger/", (page) => page.waitForSelector("#operations-things-listThings", { timeout: 60_000 })],
];

describe("the branded portal in a browser", () => {
  it("loads every page type with no console error and no request to another origin", async () => {
    for (const [path, ready] of PAGES) {
      const { page, errors, outside } = await watch(path);
      await ready(page);
      await page.waitForLoadState("networkidle");
      expect(errors, path).toEqual([]);
      expect(outside, path).toEqual([]);
      await page.context().close();
    }
  }, 240_000);

  it("shows the brand: title, the served logo, colours and footer links", async () => {
    const { page } = await watch("/");
    await expect(page.locator("header.top .brand").textContent()).resolves.toBe("Acme APIs");
    await expect(page.title()).resolves.toBe("APIs – Acme APIs");
    const logo = page.locator("header.top img.logo");
    await expect(logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).resolves.toBe(24);
    await expect(page.locator("footer.bottom a").getAttribute("href")).resolves.toBe("https://status.example.com");
    await expect(
      page.locator(".count").evaluate(() => getComputedStyle(document.querySelector("main a")!).color),
    ).resolves.toBe(BRAND_COLOR);
    const served = await fetch(`${portal.url}/assets/brand/logo.svg`);
    expect(served.headers.get("content-type")).toBe("image/svg+xml");
    expect(served.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    await page.context().close();
  });

  it("shows each operation's call with the generated client beside curl in the reference", async () => {
    const { page } = await watch("/apis/petstore/v1/", { viewport: { width: 1600, height: 1000 } });
    await redocReady(page);
    const tab = page.locator('[role="tab"]', { hasText: "TypeScript client" }).first();
    await tab.waitFor({ timeout: 30_000 });
    await expect(page.locator('[role="tab"]', { hasText: "curl" }).count()).resolves.toBeGreaterThan(5);
    const text = await page.locator("#redoc").textContent();
    expect(text).toMatch(/for await \(const pet of api\.pets\.list\(\{ page_size: \d+ \}\)\)/);
    expect(text).toContain("if (isApiError(error))");
    await page
      .locator("#redoc h2", { hasText: "List pets" })
      .first()
      .evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: artifact("portal-code-samples.png") });
    await page.context().close();
  });

  it("follows the system's dark preference across pages, Redoc and Swagger UI, and keeps the switch's choice", async () => {
    const { page } = await watch("/apis/petstore/v1/", { colorScheme: "dark" });
    await redocReady(page, "dark");
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe("dark");
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe("rgb(21, 24, 29)");
    await expect(
      page.evaluate(() => getComputedStyle(document.querySelector(".tab.current")!).backgroundColor),
    ).resolves.toBe("rgb(95, 211, 174)");
    await page.screenshot({ path: artifact("portal-dark.png") });
    const toggle = page.locator("#theme-toggle");
    await expect(toggle.textContent()).resolves.toBe("Light mode");
    await toggle.click();
    await redocReady(page, "light");
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe(
      "rgb(250, 251, 252)",
    );
    await page.goto(`${portal.url}/apis/petstore/v1/swagger/`);
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe("light");
    await page.locator("#theme-toggle").click();
    await page.waitForSelector("#operations-pets-listPets", { timeout: 60_000 });
    await expect(
      page.evaluate(() => getComputedStyle(document.getElementById("swagger-ui")!).filter),
    ).resolves.toContain("invert");
    await page.goto(`${portal.url}/`);
    await expect(page.evaluate(() => localStorage.getItem("specwright-theme"))).resolves.toBe("dark");
    await page.screenshot({ path: artifact("portal-index-dark.png"), fullPage: true });
    await page.context().close();
  }, 120_000);

  it("resolves a link to an operation of another tag group, and an operation anchor on the list of groups", async () => {
    const { page } = await watch("/apis/big/v1/tags/alpha/");
    const indexFetches: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/tags/index.json")) indexFetches.push(request.url());
    });
    await redocReady(page);
    // A link within the group stays for Redoc, and needs no index.
    await page.locator("#redoc a", { hasText: "the sixth Alpha one" }).first().click();
    await page.waitForURL(/\/apis\/big\/v1\/tags\/alpha\/#tag\/Alpha\/operation\/alpha5$/);
    expect(indexFetches).toEqual([]);
    await page.locator("#redoc a", { hasText: "the third Beta operation" }).first().click();
    await page.waitForURL(/\/apis\/big\/v1\/tags\/beta\/#operation\/beta3$/);
    expect(indexFetches).toEqual([`${portal.url}/specs/big/v1/tags/index.json`]);
    await redocReady(page);
    await page.goto(`${portal.url}/apis/big/v1/#operation/gamma2`);
    await page.waitForURL(/\/apis\/big\/v1\/tags\/gamma\/#operation\/gamma2$/);
    await redocReady(page);
    await page.goto(`${portal.url}/apis/big/v1/tags/webhooks/`);
    await redocReady(page);
    await expect(page.locator("#redoc").textContent()).resolves.toContain("Thing created");
    await page.context().close();
  }, 120_000);

  it("completes Swagger UI's Authorize with authorization code + PKCE, and try-it sends the bearer token", async () => {
    const { page } = await watch("/apis/secured/v1/swagger/");
    await page.waitForSelector("#operations-things-listThings", { timeout: 60_000 });
    await page.locator(".auth-wrapper button.authorize").click();
    const dialog = page.locator(".dialog-ux");
    await expect(
      dialog.locator("#client_id_authorizationCode, input[data-name='clientId'], #client_id").first().inputValue(),
    ).resolves.toBe(CLIENT_ID);
    const popup = page.waitForEvent("popup");
    await dialog.locator(".auth-btn-wrapper button.authorize").first().click();
    await (await popup).waitForEvent("close", { timeout: 30_000 });
    await dialog.locator(".auth-btn-wrapper button", { hasText: "Logout" }).waitFor({ timeout: 30_000 });
    await expect(dialog.textContent()).resolves.toContain("Authorized");
    expect(auth.refusals).toEqual([]);
    expect(auth.authorized).toHaveLength(1);
    expect(auth.authorized[0]!.redirectUri).toBe(`${portal.url}/assets/swagger-ui/oauth2-redirect.html`);
    expect(auth.issued).toEqual([auth.accessToken]);
    await dialog.locator(".auth-btn-wrapper button.btn-done").click();
    const operation = page.locator("#operations-things-listThings");
    await operation.locator(".opblock-summary").click();
    const request = page.waitForRequest((candidate) =>
      candidate.url().startsWith(`${portal.url}/mock/secured/v1/things`),
    );
    await operation.locator("button.execute").click();
    expect((await request).headers().authorization).toBe(`Bearer ${auth.accessToken}`);
    await page.context().close();
  }, 120_000);
});
