import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { problemFingerprint } from "../baseline.js";
import type { Diagnostic } from "../diagnostic.js";
import { displayPath, isAbsoluteUrl, type Formatter, type RuleMeta } from "./format-context.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const SOURCE_ROOT = "%SRCROOT%";
const toolVersion = (createRequire(import.meta.url)("../../../package.json") as { version: string }).version;

/** SARIF 2.1.0, for GitHub code scanning and other result viewers. Paths are relative to %SRCROOT% (the working folder). */
export const formatSarif: Formatter = (diagnostics, context) => {
  const rules = [...context.rules];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  for (const d of diagnostics) {
    if (!ruleIndex.has(d.ruleId)) {
      ruleIndex.set(d.ruleId, rules.length);
      rules.push({ id: d.ruleId, description: d.ruleId, docUrl: d.docUrl });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "specwright",
            version: toolVersion,
            semanticVersion: toolVersion,
            rules: rules.map(describeRule),
          },
        },
        originalUriBaseIds: {
          [SOURCE_ROOT]: { uri: pathToFileURL(context.cwd.endsWith("/") ? context.cwd : context.cwd + "/").href },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: ruleIndex.get(d.ruleId)!,
          level: d.severity === "error" ? "error" : "warning",
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(d, context.cwd),
                region: { startLine: d.line, startColumn: d.column },
              },
              logicalLocations: [{ fullyQualifiedName: d.pointer || "/", kind: "object" }],
            },
          ],
          partialFingerprints: {
            "specwrightProblem/v1": createHash("sha256").update(problemFingerprint(d, context.cwd)).digest("hex"),
          },
        })),
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};

function describeRule(rule: RuleMeta) {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    ...(isAbsoluteUrl(rule.docUrl) ? { helpUri: rule.docUrl } : {}),
    help: { text: `${rule.description} See ${rule.docUrl}.` },
  };
}

function artifactLocation(d: Diagnostic, cwd: string) {
  if (isAbsoluteUrl(d.file)) return { uri: d.file };
  return { uri: encodeURI(displayPath(d.file, cwd)), uriBaseId: SOURCE_ROOT };
}
