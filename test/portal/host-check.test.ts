// DNS rebinding: a hostile page whose name resolves to 127.0.0.1 must not read a portal bound to localhost.
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HostPolicy } from "../../portal/host-policy.js";
import type { RunningPortal } from "../../portal/server.js";
import { REPO_SPECS, startTestPortal } from "./portal-fixture.js";

/** A request with the Host header a rebinding page's browser would send (fetch does not let a caller set it). */
function getWithHost(
  base: string,
  path: string,
  host: string,
): Promise<{ status: number; type: string; body: string }> {
  const url = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ host: url.hostname, port: url.port, path, headers: { host } }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => done({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
    });
    req.on("error", fail);
    req.end();
  });
}

const PATHS = [
  "/",
  "/healthz",
  "/apis/petstore/v1/",
  "/specs/petstore/v1/openapi.json",
  "/mock/petstore/v1/stores",
  "/assets/portal/portal.css",
  "/no-such-page",
];

describe("HostPolicy", () => {
  it("allows localhost names and IP addresses by default, with or without a port", () => {
    const policy = new HostPolicy();
    for (const host of [
      "localhost",
      "localhost:8080",
      "LOCALHOST.",
      "docs.localhost:3000",
      "127.0.0.1:80",
      "[::1]:8080",
      "10.1.2.3",
      "[fe80::1]",
    ]) {
      expect(policy.allows(host), host).toBe(true);
    }
  });

  it("refuses any other name, and anything that is not host[:port]", () => {
    const policy = new HostPolicy(["localhost"]);
    for (const host of [
      undefined,
      "",
      "rebind.attacker.example",
      "rebind.attacker.example:8080",
      "localhost.attacker.example",
      "evil@localhost",
      "localhost/x",
      "local host",
      "localhost:99999999",
    ]) {
      expect(policy.allows(host), String(host)).toBe(false);
    }
  });

  it("adds the configured names: exact ones, and a leading dot for a domain and its subdomains", () => {
    const policy = new HostPolicy(["docs.example.com", ".corp.example", "0.0.0.0"]);
    expect(policy.allows("docs.example.com:8080")).toBe(true);
    expect(policy.allows("DOCS.example.com")).toBe(true);
    expect(policy.allows("corp.example")).toBe(true);
    expect(policy.allows("api.eu.corp.example")).toBe(true);
    expect(policy.allows("other.example.com")).toBe(false);
    expect(policy.allows("xcorp.example")).toBe(false);
  });
});

describe("a portal on loopback", () => {
  let portal: RunningPortal;
  let named: RunningPortal;
  beforeAll(async () => {
    portal = await startTestPortal(REPO_SPECS);
    named = await startTestPortal(REPO_SPECS, { allowedHosts: ["docs.example.com"] });
  });
  afterAll(async () => {
    await portal?.close();
    await named?.close();
  });

  it.each(PATHS)("answers %s under a rebinding name with a plain 403 and nothing of the portal", async (path) => {
    const response = await getWithHost(portal.url, path, `rebind.attacker.example:${new URL(portal.url).port}`);
    expect(response.status).toBe(403);
    expect(response.type).toBe("text/plain; charset=utf-8");
    expect(response.body).toContain("--allowed-hosts");
    expect(response.body).not.toMatch(/petstore|openapi|Petstore Lisboa|<html/i);
  });

  it("serves its own names: localhost, the address it listens on, and --allowed-hosts", async () => {
    const port = new URL(portal.url).port;
    expect((await getWithHost(portal.url, "/healthz", `localhost:${port}`)).status).toBe(200);
    expect((await getWithHost(portal.url, "/healthz", `127.0.0.1:${port}`)).status).toBe(200);
    expect((await getWithHost(portal.url, "/healthz", "docs.example.com")).status).toBe(403);
    expect((await getWithHost(named.url, "/specs/petstore/v1/openapi.json", "docs.example.com")).status).toBe(200);
  });
});

describe("specwright portal --allowed-hosts", () => {
  let child: ChildProcess;
  let url: string;
  beforeAll(async () => {
    const bin = resolve(import.meta.dirname, "../../bin/specwright.js");
    child = spawn(
      process.execPath,
      [
        bin,
        "portal",
        "--specs",
        REPO_SPECS,
        "--port",
        "0",
        "--host",
        "127.0.0.1",
        "--no-watch",
        "--allowed-hosts",
        "docs.example.com,.corp.example",
      ],
      {
        cwd: join(REPO_SPECS, ".."),
      },
    );
    url = await new Promise<string>((found, fail) => {
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /portal: (http:\/\/\S+)/.exec(output);
        if (match?.[1]) found(match[1]);
      });
      child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.once("exit", (code) => fail(new Error(`portal exited with ${code}: ${output}`)));
    });
  }, 120_000);
  afterAll(() => void child?.kill("SIGTERM"));

  it("serves the listed names and refuses the others", async () => {
    expect((await getWithHost(url, "/healthz", "docs.example.com")).status).toBe(200);
    expect((await getWithHost(url, "/healthz", "api.corp.example:8080")).status).toBe(200);
    expect((await getWithHost(url, "/healthz", "rebind.attacker.example")).status).toBe(403);
  });
});
