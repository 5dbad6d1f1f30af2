import { bundleSpec, loadSpec } from "../../generator/load/index.js";
import { lintDocument, type LintConfig } from "../../generator/conventions/index.js";
import { versionFromInfo } from "./discover.js";
import { recordOf, type IndexRecord } from "./index-record.js";
import { statAll } from "./index-store.js";
import { summarize, type LoadedSpec } from "./loaded-spec.js";

/** Loads and bundles one spec; `bytes` is what its local files take on disk (the memory estimate's base). */
export async function readSpec(file: string): Promise<{ loaded: LoadedSpec; bytes: number }> {
  const document = await loadSpec(file);
  const bundled = await bundleSpec(document);
  const files = [...document.files.keys()].filter((path) => !/^https?:/i.test(path));
  const stats = (await statAll(files)) ?? [];
  const fingerprint = stats.map((s) => `${s.path}:${s.mtimeMs}:${s.size}`).join("\n");
  const loaded: LoadedSpec = { document, bundled, summary: summarize(bundled), files, fingerprint };
  return { loaded, bytes: stats.reduce((sum, s) => sum + s.size, 0) };
}

/** What indexing one spec asks for: the lint configuration as the portal applies it (`portalLintConfig`). */
export interface IndexRequest {
  file: string;
  placeVersion: string | undefined;
  lintConfig: LintConfig;
  tagGroupThreshold: number | undefined;
}

/** A spec's index record and the local files it spans, from a load that is let go once they are made. */
export async function indexSpec(
  request: IndexRequest,
): Promise<{ record: IndexRecord; files: string[]; bytes: number }> {
  const { loaded, bytes } = await readSpec(request.file);
  const version = request.placeVersion ?? versionFromInfo(loaded.summary.infoVersion);
  const diagnostics = lintDocument(loaded.document, request.lintConfig);
  return { record: recordOf(loaded, version, diagnostics, request.tagGroupThreshold), files: loaded.files, bytes };
}
