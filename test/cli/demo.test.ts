// `npm start` runs `specwright demo`: generate every configured API, then serve the portal. Run here as a user would,
// in a copy of the repository's config and specs.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "../..");
let dir: string;
let child: ChildProcess;
let url: string;
let stderr = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specwright-demo-"));
  await cp(join(REPO, "specs"), join(dir, "specs"), { recursive: true });
  await cp(join(REPO, "specwright.config.yaml"), join(dir, "specwright.config.yaml"));
  child = spawn(process.execPath, [join(REPO, "bin/specwright.js"), "demo", "--port", "0"], {
    cwd: dir,
    env: { ...process.env, CI: "true" },
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  url = await new Promise<string>((resolvePortal, reject) => {
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /portal: (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolvePortal(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`demo exited with ${code} before serving:\n${stdout}\n${stderr}`)));
  });
}, 240_000);

afterAll(async () => {
  child?.kill("SIGTERM");
  await rm(dir, { recursive: true, force: true });
});

describe("specwright demo", () => {
  it("generates the client and server of every API listed in the config", () => {
    for (const api of ["petstore-v1", "petstore-v2", "bookshop-v1"]) {
      expect(stderr).toContain(`✓ ${api}: client+server`);
      for (const file of ["client.ts", "server.ts", "handlers.ts", "mock.ts"])
        expect(existsSync(join(dir, "gen", api, file)), `${api}/${file}`).toBe(true);
    }
  });

  it("serves the portal with every API version and a working mock", async () => {
    const index = await (await fetch(url)).text();
    for (const link of ["/apis/petstore/v1/", "/apis/petstore/v2/", "/apis/bookshop/v1/"])
      expect(index).toContain(`href="${link}"`);
    const stores = await fetch(`${url}/mock/petstore/v1/stores`);
    expect(stores.status).toBe(200);
  });

  it("stops cleanly on SIGTERM", async () => {
    const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
