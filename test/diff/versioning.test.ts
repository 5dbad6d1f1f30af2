import { describe, expect, it } from "vitest";
import { diffSpecs, type Json } from "./fixtures.js";

const doc = (server: string | undefined, version: string, paths: Json): Json => ({
  openapi: "3.1.0",
  info: { title: "T", version },
  ...(server ? { servers: [{ url: server }] } : {}),
  paths,
});
const both = {
  "/pets": { get: { responses: { "200": { description: "ok" } } } },
  "/owners": { get: { responses: { "200": { description: "ok" } } } },
};
const fewer = { "/pets": { get: { responses: { "200": { description: "ok" } } } } };

describe("versioning/breaking-change", () => {
  it("fails a breaking change in the same major version", async () => {
    const { versioning } = await diffSpecs(
      doc("https://a.example/v1", "1.2.0", both),
      doc("https://a.example/v1", "1.3.0", fewer),
    );
    expect(versioning.verdict).toBe("fail");
    expect(versioning.majorBumped).toBe(false);
  });

  it("passes a breaking change that comes with a new /v{N}", async () => {
    const { versioning, summary } = await diffSpecs(
      doc("https://a.example/v1", "1.2.0", both),
      doc("https://a.example/v2", "2.0.0", fewer),
    );
    expect(summary.breaking).toBe(1);
    expect(versioning).toMatchObject({ verdict: "pass", majorBumped: true });
  });

  it("does not accept an info.version bump while the URL keeps /v1", async () => {
    const { versioning } = await diffSpecs(
      doc("https://a.example/v1", "1.2.0", both),
      doc("https://a.example/v1", "2.0.0", fewer),
    );
    expect(versioning.verdict).toBe("fail");
    expect(versioning.message).toContain("URL still says /v1");
  });

  it("uses info.version when the URLs carry no major version", async () => {
    const { versioning } = await diffSpecs(doc(undefined, "1.2.0", both), doc(undefined, "2.0.0", fewer));
    expect(versioning.verdict).toBe("pass");
  });

  it("does not take a date in info.version (Azure style) for a major version", async () => {
    const { versioning } = await diffSpecs(doc(undefined, "2017-11-15", both), doc(undefined, "2018-01-22", fewer));
    expect(versioning).toMatchObject({ verdict: "fail", majorBumped: false });
    expect(versioning.new.infoMajor).toBeUndefined();
  });

  it("passes additive changes in the same major version", async () => {
    const { versioning, summary } = await diffSpecs(
      doc("https://a.example/v1", "1.2.0", fewer),
      doc("https://a.example/v1", "1.3.0", both),
    );
    expect(summary.breaking).toBe(0);
    expect(versioning.verdict).toBe("pass");
  });
});
