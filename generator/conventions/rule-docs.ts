import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ruleDocUrl } from "./diagnostic.js";
import { minimalSeverity, strictSeverity } from "./presets.js";
import type { AnyRule } from "./rule.js";
import { ALL_RULES } from "./rules/index.js";

/**
 * docs/rules.md, generated from the rules' own metadata so that it cannot drift from the code. Each rule gets an
 * explicit anchor equal to the fragment of its diagnostics' `docUrl`.
 * Regenerate with `npm run docs:rules`.
 */
export function renderRuleDocs(rules: readonly AnyRule[]): string {
  const out: string[] = [
    "<!-- Generated from the rule metadata by generator/conventions/rule-docs.ts (npm run docs:rules). Do not edit. -->",
    "# specwright lint rules",
    "",
    "Severities per preset: `minimal` (only what the generators need), `recommended` (the default), `strict` (every rule an error, except the documentation rules that only warn).",
    "Change them per rule in `specwright.config.yaml` (`rules:`), silence one place with `x-specwright-ignore: [rule-id]`.",
    "",
    "| rule | minimal | recommended | strict | what it asks |",
    "| --- | --- | --- | --- | --- |",
    ...rules.map(
      (rule) =>
        `| [${rule.id}](#${anchor(rule.id)}) | ${minimalSeverity(rule)} | ${rule.recommended} | ${strictSeverity(rule)} | ${escapeCell(rule.description)} |`,
    ),
    "",
  ];
  let area = "";
  for (const rule of rules) {
    const ruleArea = rule.id.split("/")[0] ?? rule.id;
    if (ruleArea !== area) {
      area = ruleArea;
      out.push(`## ${area}`, "");
    }
    out.push(`<a id="${anchor(rule.id)}"></a>`, "", `### ${rule.id}`, "", rule.description, "");
    out.push(
      `- recommended: \`${rule.recommended}\`${rule.minimal === "warn" ? " (`warn` in `minimal`)" : rule.minimal === true ? " (also in `minimal`)" : ""}${rule.strict ? `; strict: \`${rule.strict}\`` : ""}`,
    );
    const options = Object.entries(rule.defaultOptions as Record<string, unknown>);
    if (options.length === 0) out.push("- options: none");
    else {
      out.push("- options (defaults):");
      const properties = (rule.optionsSchema as { properties?: Record<string, object> } | undefined)?.properties ?? {};
      for (const [name, value] of options)
        out.push(`  - \`${name}\`: \`${JSON.stringify(value)}\`${describeOption(properties[name])}`);
    }
    out.push(
      "",
      "```yaml",
      "rules:",
      `  ${rule.id}: ${options.length === 0 ? "error" : `[error, { ${options.map(([name, value]) => `${name}: ${JSON.stringify(value)}`).join(", ")} }]`}`,
      "```",
      "",
    );
  }
  return out.join("\n");
}

/** " (list of strings)": what the rule's options schema allows for one option, in words. */
function describeOption(schema: object | undefined): string {
  const words = optionWords(schema as OptionSchema | undefined);
  return words ? ` (${words})` : "";
}

interface OptionSchema {
  type?: string;
  enum?: unknown[];
  items?: OptionSchema;
  minimum?: number;
  minLength?: number;
  pattern?: string;
}

function optionWords(schema: OptionSchema | undefined, plural = false): string | undefined {
  if (!schema) return undefined;
  if (schema.enum)
    return `${plural ? "each " : ""}one of ${schema.enum.map((value) => JSON.stringify(value)).join(", ")}`;
  if (schema.type === "array") return plural ? undefined : `list of ${optionWords(schema.items, true) ?? "values"}`;
  const noun = (one: string, many: string) => (plural ? many : one);
  if (schema.type === "integer")
    return noun("an integer", "integers") + (schema.minimum !== undefined ? ` ≥ ${schema.minimum}` : "");
  if (schema.type === "string")
    return (
      (schema.minLength ? noun("a non-empty string", "non-empty strings") : noun("a string", "strings")) +
      (schema.pattern ? ` matching \`${schema.pattern}\`` : "")
    );
  if (schema.type === "boolean") return plural ? "booleans" : "true or false";
  return undefined;
}

function anchor(ruleId: string): string {
  return ruleDocUrl(ruleId).split("#")[1] ?? ruleId;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = join(import.meta.dirname, "../../docs/rules.md");
  writeFileSync(target, renderRuleDocs(ALL_RULES));
  console.log(`wrote ${ALL_RULES.length} rules to docs/rules.md`);
}
