import type { Located } from "../../../load/index.js";
import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { collectVersionPlaces, dominantMajor, type VersionPlace } from "./version-places.js";

/** semver.org's own pattern (MAJOR.MINOR.PATCH, optional pre-release and build). */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** §5: `info.version` is semver and its major is the N clients see in `/v{N}`, so both move together on a breaking change. */
export default defineRule({
  id: "versioning/info-version",
  description: "info.version is a semantic version (MAJOR.MINOR.PATCH) whose major equals the API's major version N.",
  recommended: "warn",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, settings, report }) {
    const places: VersionPlace[] = [];
    let version: Located | undefined;
    return {
      ...collectVersionPlaces(document, settings, places),
      document(root) {
        version = document.child(root, "info", "version");
      },
      end() {
        if (!version) return;
        const text = version.value;
        const semver = typeof text === "string" ? SEMVER.exec(text) : null;
        if (!semver) {
          const hint = typeof text === "string" ? "" : " (quote it in YAML: version: '1.0.0')";
          report({
            message: `info.version ${JSON.stringify(text)} is not a semantic version; use MAJOR.MINOR.PATCH, e.g. 1.0.0${hint}`,
            at: version.at,
          });
          return;
        }
        const major = Number(semver[1]);
        const dominant = dominantMajor(places);
        if (dominant && dominant.major !== major) {
          report({
            message: `info.version ${text} has major ${major}, but the API is v${dominant.major} ("${dominant.example.text}"); make the major of info.version ${dominant.major}, or move the API to v${major}`,
            at: version.at,
          });
        }
      },
    };
  },
});
