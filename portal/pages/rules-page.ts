import { html } from "../html.js";
import type { AnyRule } from "../../generator/conventions/rule.js";
import { renderPage, type PageFrame } from "./layout.js";
import { ruleAnchor, type Links } from "./links.js";

/** The convention rules, one anchor each: where the lint report's rule links point. */
export function renderRulesPage(rules: readonly AnyRule[], links: Links, frame?: Partial<PageFrame>): string {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  const body = html`<h1>Convention rules</h1>
<dl class="rules">${sorted.map(
    (rule) =>
      html`<dt id="${ruleAnchor(rule.id)}"><code>${rule.id}</code> <small>recommended: ${rule.recommended}</small></dt><dd>${rule.description}</dd>`,
  )}</dl>`;
  return renderPage({ title: "Convention rules", links, body, ...frame });
}
