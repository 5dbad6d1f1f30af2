// The config's portal: section on the server-rendered pages and in the static build: title, logo, colours, footer,
// the theme script, and what the logo is served as.
import { readFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { defaultPortalSettings, type PortalSettings } from "../../generator/config/index.js";
import type { RunningPortal } from "../../portal/server.js";
import { buildStaticSite } from "../../portal/static-site.js";
import { REPO_SPECS, startTestPortal } from "./portal-fixture.js";

let dir: string;
let brand: PortalSettings;
let branded: RunningPortal;
let plain: RunningPortal;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specwright-brand-"));
  await writeFile(join(dir, "logo.png"), Buffer.from("89504e470d0a1a0a", "hex"));
  brand = {
    ...defaultPortalSettings(),
    title: "Acme <APIs>",
    logo: { file: join(dir, "logo.png"), contentType: "image/png", extension: ".png" },
    colors: { primary: "#0b7a5a", dark: { header: "black" } },
    footer: [{ label: "Status", url: "https://status.example.com/?a=1&b=2" }],
  };
  branded = await startTestPortal(REPO_SPECS, { brand });
  plain = await startTestPortal(REPO_SPECS);
});
afterAll(async () => {
  await branded?.close();
  await plain?.close();
  await rm(dir, { recursive: true, force: true });
});

const text = async (portal: RunningPortal, path: string) => (await fetch(portal.url + path)).text();

describe("portal branding", () => {
  it("puts the title, logo, colours and footer on every page, escaped", async () => {
    for (const path of [
      "/",
      "/rules/",
      "/apis/petstore/v1/",
      "/apis/petstore/v1/swagger/",
      "/apis/petstore/v1/lint/",
      "/nope",
    ]) {
      const page = await text(branded, path);
      expect(page, path).toContain(
        '<a class="brand" href="/"><img class="logo" src="/assets/brand/logo.png" alt="">Acme &lt;APIs&gt;</a>',
      );
      expect(page, path).toMatch(/<title>[^<]* – Acme &lt;APIs&gt;<\/title>/);
      expect(page, path).toContain(
        ':root { --accent: #0b7a5a; } :root[data-theme="dark"] { --accent: #0b7a5a; --header-bg: black; }',
      );
      expect(page, path).toContain('<a href="https://status.example.com/?a=1&amp;b=2" rel="noopener">Status</a>');
      expect(page, path).toContain('<script src="/assets/portal/theme.js"></script>');
    }
  });

  it("serves the logo with its checked content type, sandboxed; without a logo there is none", async () => {
    const logo = await fetch(`${branded.url}/assets/brand/logo.png`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(logo.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(logo.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await fetch(`${plain.url}/assets/brand/logo.png`)).status).toBe(404);
    const page = await text(plain, "/");
    expect(page).toContain('<a class="brand" href="/">API portal</a>');
    expect(page).not.toContain("<style>");
    expect(page).not.toContain("<footer");
  });

  it("passes the OAuth2 client to Swagger UI, with the portal's redirect page, and serves that page with its opener kept", async () => {
    const withClient = await startTestPortal(REPO_SPECS, {
      brand: { ...brand, oauth2: { clientId: "docs", scopes: ["a", "b"] } },
    });
    onTestFinished(() => withClient.close());
    const page = await fetch(`${withClient.url}/apis/petstore/v1/swagger/`);
    expect(page.headers.get("cross-origin-opener-policy")).toBe("same-origin-allow-popups");
    expect(await page.text()).toContain(
      '"oauth2Redirect":"/assets/swagger-ui/oauth2-redirect.html","oauth2":{"clientId":"docs","scopes":["a","b"]}',
    );
    const redirect = await fetch(`${withClient.url}/assets/swagger-ui/oauth2-redirect.html`);
    expect(redirect.headers.get("cross-origin-opener-policy")).toBe("unsafe-none");
    expect(redirect.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect((await fetch(`${withClient.url}/apis/petstore/v1/`)).headers.get("cross-origin-opener-policy")).toBe(
      "same-origin",
    );
  });

  it("is written into the static build, with the logo copied and linked relatively", async () => {
    const out = await mkdtemp(join(tmpdir(), "specwright-brand-site-"));
    onTestFinished(() => rm(out, { recursive: true, force: true }));
    await buildStaticSite({ specsDir: REPO_SPECS, outDir: out, brand });
    expect(existsSync(join(out, "assets/brand/logo.png"))).toBe(true);
    const page = await readFile(join(out, "apis/petstore/v1/index.html"), "utf8");
    expect(page).toContain('<img class="logo" src="../../../assets/brand/logo.png" alt="">Acme &lt;APIs&gt;');
  });
});
