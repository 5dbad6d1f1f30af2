// openapi-typescript's transformSchema + astToString, with the same text as output, a slice of `paths` at a time.
// In one go, Microsoft Graph beta (47 MB) holds a 600 MB syntax tree and a 300 MB rope of printed pieces at once,
// and injectOperationObject copies the `operations` member array once per operation (quadratic: most of the time).
// Here each slice of path items is transformed and printed on its own, its syntax tree dropped, and only the text
// kept; the `operations` interface is printed member slice by member slice and assembled at the end, where
// transformSchema puts it (its footer).
import ts from "typescript";
import { astToString, transformSchema, type GlobalContext, type OpenAPI3 } from "openapi-typescript";

/** Path items transformed together: small enough that a slice's tree is a few MB on the largest specs. */
const PATHS_PER_SLICE = 64;

/** The printed body of an interface: what lies between `export interface name {\n` and the closing `}\n`. */
interface InterfaceText {
  head: string;
  members: string[];
  tail: string;
}

/** A footer declaration (openapi-typescript's `operations`, `WithRequired`), merged across slices by name. */
type FooterEntry = { name: string; interface: InterfaceText } | { name: string; text: string };

function print(node: ts.Node): string {
  // Joined pieces are flattened here (slice), so no rope of the printer's small writes outlives the call.
  const text = astToString(node as ts.Statement);
  return text.slice(0);
}

function interfaceText(node: ts.InterfaceDeclaration): InterfaceText {
  const text = print(node);
  const open = text.indexOf("{\n") + 2;
  const close = text.lastIndexOf("}\n");
  if (open < 2 || close < open) throw new Error(`types: unexpected printed interface ${node.name.text}`);
  return { head: text.slice(0, open), members: [text.slice(open, close)], tail: text.slice(close) };
}

function declarationName(node: ts.Node): string | undefined {
  return ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) ? node.name.text : undefined;
}

/** Adds a transform's footer to `footer`: interfaces with the same name gain members, other names come once. */
function mergeFooter(footer: FooterEntry[], nodes: readonly ts.Node[]): void {
  for (const node of nodes) {
    const name = declarationName(node);
    const known = name === undefined ? undefined : footer.find((entry) => entry.name === name);
    if (known !== undefined && "interface" in known && ts.isInterfaceDeclaration(node))
      known.interface.members.push(...interfaceText(node).members);
    else if (known === undefined)
      footer.push(
        ts.isInterfaceDeclaration(node)
          ? { name: name ?? "", interface: interfaceText(node) }
          : { name: name ?? "", text: print(node) },
      );
  }
}

function joined(text: InterfaceText): string {
  return text.head + text.members.join("") + text.tail;
}

/**
 * The text `astToString(transformSchema(document, ctx))` gives, built slice by slice. `newContext` makes a fresh
 * context per transform (each starts with an empty footer).
 */
export function transformSchemaText(document: Record<string, unknown>, newContext: () => GlobalContext): string {
  const paths = document.paths;
  const entries = paths !== null && typeof paths === "object" ? Object.entries(paths) : [];
  const footer: FooterEntry[] = [];
  let pathsText: InterfaceText | undefined;
  for (let start = 0; start < entries.length; start += PATHS_PER_SLICE) {
    const ctx = newContext();
    const slice = Object.fromEntries(entries.slice(start, start + PATHS_PER_SLICE));
    const [statement] = transformSchema({ paths: slice } as unknown as OpenAPI3, ctx);
    if (statement !== undefined && ts.isInterfaceDeclaration(statement)) {
      const text = interfaceText(statement);
      if (pathsText === undefined) pathsText = text;
      else pathsText.members.push(...text.members);
    }
    mergeFooter(footer, ctx.injectFooter);
  }
  // Everything but the paths, as transformSchema writes it: its `paths` placeholder first, then the other roots,
  // then the footer, then `operations = Record<string, never>` when the footer has no `operations`.
  const ctx = newContext();
  const rest = transformSchema({ ...document, paths: {} } as unknown as OpenAPI3, ctx);
  const restHasOperations = ctx.injectFooter.some((node) => declarationName(node) === "operations");
  const fallback = restHasOperations ? undefined : rest.at(-1);
  const roots = rest.slice(1, rest.length - ctx.injectFooter.length - (fallback === undefined ? 0 : 1));
  mergeFooter(footer, ctx.injectFooter);
  const parts = [pathsText !== undefined ? joined(pathsText) : print(rest[0]!), ...roots.map(print)];
  for (const entry of footer) parts.push("interface" in entry ? joined(entry.interface) : entry.text);
  if (fallback !== undefined && !footer.some((entry) => entry.name === "operations")) parts.push(print(fallback));
  return parts.join("");
}
