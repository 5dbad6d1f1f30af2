// The bundler's only way to other documents: the loader's files, along the edges the loader followed.
import * as redocly from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { createAdmittedResolver } from "../../generator/load/admitted-resolver.js";
import { loadSpec } from "../../generator/load/index.js";
import { writeSpecFiles } from "./temp-spec.js";

describe("createAdmittedResolver", () => {
  it("serves an admitted edge from the loader's copy and refuses every other path, URL or direct read", async () => {
    const dir = writeSpecFiles({
      "spec/openapi.yaml": "openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\n",
      "secret.yaml": "secret: true\n",
    });
    const root = `${dir}/spec/openapi.yaml`;
    const document = await loadSpec(root);
    const resolver = createAdmittedResolver(
      redocly,
      document.files,
      new Map([[root, new Map([["./self.yaml", root]])]]),
    );

    const served = (await resolver.resolveDocument(root, "./self.yaml")) as redocly.Document;
    expect(served.parsed).toEqual(document.root.value);
    expect(served.parsed).not.toBe(document.root.value);
    await expect(resolver.resolveDocument(root, "../secret.yaml")).rejects.toThrow(/not read by the loader/);
    await expect(resolver.resolveDocument(root, `${dir}/secret.yaml`)).rejects.toThrow(/not read by the loader/);
    await expect(resolver.resolveDocument(root, "http://127.0.0.1:9/x")).rejects.toThrow(/not read by the loader/);
    await expect(resolver.resolveDocument(null, root)).rejects.toThrow(/not read by the loader/);
    await expect(resolver.loadExternalRef(`${dir}/secret.yaml`)).rejects.toThrow(/not read by the loader/);
  });
});
