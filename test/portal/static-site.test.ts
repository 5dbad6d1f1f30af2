import { existsSync } from "node:fs";
import { cp, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildStaticSite } from "../../portal/static-site.js";
import { runCli } from "../cli/run-cli.js";
import { emptySpecsDir, REPO_SPECS } from "./portal-fixture.js";

let work: { dir: string; cleanup: () => Promise<void> };
let site: string;

beforeAll(async () => {
  work = await emptySpecsDir();
  site = join(work.dir, "site");
  await mkdir(site);
  await writeFile(join(site, "stale.html"), "from an older build");
  await buildStaticSite({ specsDir: REPO_SPECS, outDir: site });
});
afterAll(() => work.cleanup());

describe("portal build", () => {
  it("writes every page, the bundled specs and the assets, replacing the previous site", async () => {
    for (const path of [
      "index.html",
      "rules/index.html",
      "apis/petstore/v1/index.html",
      "apis/petstore/v2/swagger/index.html",
      "apis/bookshop/v1/lint/index.html",
      "apis/petstore/v2/changelog/index.html",
      "specs/petstore/v2/openapi.json",
      "specs/petstore/v2/openapi.yaml",
      "specs/petstore/v2/reference.json",
      "assets/swagger-ui/oauth2-redirect.html",
      "assets/portal/theme.js",
      "assets/redoc/redoc.standalone.js",
      "assets/swagger-ui/swagger-ui-bundle.js",
      "assets/portal/portal.css",
    ]) {
      expect(existsSync(join(site, path)), path).toBe(true);
    }
    expect(existsSync(join(site, "stale.html"))).toBe(false);
    expect((await readdir(work.dir)).sort()).toEqual(["site"]);
  });

  it("uses relative links so the site works under any base path, with the CSP as a meta tag", async () => {
    const page = await readFile(join(site, "apis/petstore/v1/index.html"), "utf8");
    expect(page).toContain('src="../../../assets/redoc/redoc.standalone.js"');
    expect(page).toContain('href="../../../apis/petstore/v2/"');
    expect(page).toContain('"specUrl":"../../../specs/petstore/v1/reference.json"');
    expect(page).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;');
    expect(page).not.toContain("_events");
  });

  it("offers no mock server in the static Swagger UI page (there is no backend)", async () => {
    const page = await readFile(join(site, "apis/petstore/v1/swagger/index.html"), "utf8");
    expect(page).not.toContain("mockUrl");
  });

  it("refuses to write over the specs folder and leaves nothing behind", async () => {
    const specs = join(work.dir, "specs-parent");
    await mkdir(join(specs, "specs"), { recursive: true });
    await expect(buildStaticSite({ specsDir: join(specs, "specs"), outDir: specs })).rejects.toThrow(
      /would replace the specs folder/,
    );
    expect(await readdir(specs)).toEqual(["specs"]);
  });
});

describe("specwright portal build", () => {
  it("builds from the --specs folder given after `build`, and reads its --config", async () => {
    const cwd = join(work.dir, "cli");
    await cp(REPO_SPECS, join(cwd, "my-specs"), { recursive: true });
    const built = runCli(["portal", "build", "--specs", "my-specs", "--out", "site"], { cwd });
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    expect(existsSync(join(cwd, "site/apis/petstore/v2/index.html"))).toBe(true);
    const config = runCli(["portal", "build", "--specs", "my-specs", "--out", "site", "--config", "missing.yaml"], {
      cwd,
    });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain("missing.yaml");
  }, 120_000);

  it("says in --help what --config is read for", () => {
    const help = runCli(["portal", "build", "--help"], { cwd: work.dir });
    expect(help.code).toBe(0);
    const config = help.stdout.slice(help.stdout.indexOf("--config"), help.stdout.indexOf("--cache-dir"));
    expect(config.replace(/\s+/g, " ")).toMatch(
      /lint rules, the portal: section .*code samples .*nearest specwright\.config\.yaml/,
    );
  });
});
