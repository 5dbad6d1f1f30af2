import type { SpecDocument } from "../load/index.js";
import { majorVersionOf } from "../conventions/rules/versioning/version-segments.js";
import { isObject } from "../conventions/operation-info.js";
import type { VersionInfo, VersioningVerdict } from "./types.js";

/** The major version a document declares: in its server URLs or paths (`/v{N}`, §5) and in `info.version`. */
export function versionInfo(document: SpecDocument): VersionInfo {
  const root = document.root.value;
  const result: VersionInfo = {};
  const servers = Array.isArray(root.servers) ? root.servers.filter(isObject) : [];
  const fromServers = servers
    .map((server) => (typeof server.url === "string" ? majorVersionOf(server.url) : undefined))
    .find((major) => major !== undefined);
  const urlMajor = fromServers ?? mostCommon(Object.keys(isObject(root.paths) ? root.paths : {}).map(majorVersionOf));
  if (urlMajor !== undefined) result.urlMajor = urlMajor;
  const info = isObject(root.info) ? root.info : {};
  if (typeof info.version === "string" || typeof info.version === "number") {
    result.infoVersion = String(info.version);
    // A date (2018-01-22, Azure style) orders versions but says nothing about compatibility: no major there.
    const major = /^\d{4}-\d{2}-\d{2}/.test(result.infoVersion) ? undefined : /^v?(\d+)/i.exec(result.infoVersion)?.[1];
    if (major !== undefined) result.infoMajor = Number(major);
  }
  return result;
}

/**
 * `versioning/breaking-change`: a breaking change needs a new major version. The URL's `/v{N}` is the major
 * version when both documents carry one; otherwise `info.version`'s major decides.
 */
export function versioningVerdict(before: VersionInfo, after: VersionInfo, breaking: number): VersioningVerdict {
  const byUrl = before.urlMajor !== undefined && after.urlMajor !== undefined;
  const majorBumped = byUrl
    ? after.urlMajor! > before.urlMajor!
    : before.infoMajor !== undefined && after.infoMajor !== undefined && after.infoMajor > before.infoMajor;
  const versions = byUrl
    ? `/v${before.urlMajor} -> /v${after.urlMajor}`
    : `info.version ${before.infoVersion ?? "(none)"} -> ${after.infoVersion ?? "(none)"}`;
  let message: string;
  if (breaking === 0) message = `no breaking change (${versions})`;
  else if (majorBumped)
    message = `${breaking} breaking change${breaking > 1 ? "s" : ""}, expected: the major version was bumped (${versions})`;
  else {
    const infoOnly =
      byUrl && before.infoMajor !== undefined && after.infoMajor !== undefined && after.infoMajor > before.infoMajor;
    const remedy = byUrl
      ? `publish them under /v${after.urlMajor! + 1}`
      : after.infoMajor !== undefined
        ? `bump info.version to ${after.infoMajor + 1}.0.0`
        : "publish them under a new major version";
    message = `${breaking} breaking change${breaking > 1 ? "s" : ""} without a new major version (${versions})${infoOnly ? `; info.version went to ${after.infoVersion} but the URL still says /v${after.urlMajor}` : ""}: ${remedy}, or make them backward compatible`;
  }
  return {
    ruleId: "versioning/breaking-change",
    old: before,
    new: after,
    majorBumped,
    verdict: breaking > 0 && !majorBumped ? "fail" : "pass",
    message,
  };
}

function mostCommon(values: Array<number | undefined>): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: number | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}
