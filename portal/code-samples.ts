import type { OperationSamples } from "../generator/emit/client/code-samples.js";
import type { BuildModelOptions } from "../generator/model/build-model.js";
import type { LoadedSpec } from "./catalog/loaded-spec.js";
import { isObject as isRecord } from "../generator/facts/json-object.js";

/** The code samples of one load: a client call and curl per operation (empty when the spec cannot be modelled). */
export type CodeSamplesFor = (loaded: LoadedSpec) => Promise<OperationSamples[]>;

/**
 * Samples built from the model exactly as `specwright generate --client` builds the client (same settings, so the
 * method names match), once per load. The model and emitters are loaded on first use: a portal nobody reads the
 * reference of starts without them.
 */
export function codeSamplesFor(modelOptionsFor?: (file: string) => BuildModelOptions): CodeSamplesFor {
  const cache = new WeakMap<LoadedSpec, Promise<OperationSamples[]>>();
  return (loaded) => {
    let samples = cache.get(loaded);
    if (!samples) cache.set(loaded, (samples = build(loaded, modelOptionsFor)));
    return samples;
  };
}

async function build(
  loaded: LoadedSpec,
  modelOptionsFor?: (file: string) => BuildModelOptions,
): Promise<OperationSamples[]> {
  const [{ buildModel }, { codeSamples }] = await Promise.all([
    import("../generator/model/build-model.js"),
    import("../generator/emit/client/code-samples.js"),
  ]);
  const file = loaded.document.rootFile;
  try {
    return codeSamples(buildModel(loaded.bundled, modelOptionsFor?.(file) ?? { source: file }), loaded.bundled);
  } catch (error) {
    // A spec the generator refuses still gets its reference, without samples; the lint report says why.
    process.stderr.write(
      `portal: no code samples for ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return [];
  }
}

/**
 * The document Redoc renders: the bundled spec with each operation's samples as `x-codeSamples` (Redoc shows them
 * beside the operation, in place of its generated request sample). Copied along the way: downloads keep the spec
 * as written. An operation that already has `x-codeSamples` keeps them, ours after.
 */
export function withCodeSamples(
  bundled: Record<string, unknown>,
  samples: readonly OperationSamples[],
): Record<string, unknown> {
  if (!isRecord(bundled.paths) || samples.length === 0) return bundled;
  const paths: Record<string, unknown> = { ...bundled.paths };
  for (const { pathKey, method, samples: list } of samples) {
    const item = paths[pathKey];
    if (!isRecord(item) || !isRecord(item[method])) continue;
    const operation = item[method];
    const own = Array.isArray(operation["x-codeSamples"]) ? operation["x-codeSamples"] : [];
    paths[pathKey] = { ...item, [method]: { ...operation, "x-codeSamples": [...own, ...list] } };
  }
  return { ...bundled, paths };
}
