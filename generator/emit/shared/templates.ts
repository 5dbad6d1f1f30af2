// Handlebars environment for code templates. `noEscape`: templates emit code, not HTML, so view models hand them
// text that is already a safe code fragment (see code-literals.ts); `strict`: a missing field is an error, not "".
import Handlebars from "handlebars";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Render = (view: object) => string;

/** Compiles every `*.hbs` of `dir`: files starting with `_` are registered as partials (name without `_`/`.hbs`). */
export function loadTemplates(dir: string): Map<string, Render> {
  const env = Handlebars.create();
  const renders = new Map<string, Render>();
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(".hbs"))
    .sort();
  for (const file of files) {
    const source = readFileSync(join(dir, file), "utf8");
    const name = file.slice(0, -".hbs".length);
    if (name.startsWith("_")) env.registerPartial(name.slice(1), source);
  }
  for (const file of files) {
    const name = file.slice(0, -".hbs".length);
    if (name.startsWith("_")) continue;
    const template = env.compile(readFileSync(join(dir, file), "utf8"), { noEscape: true, strict: true });
    renders.set(name, (view) => template(view));
  }
  return renders;
}
