import { pathToFileURL } from "node:url";
import { resolveModule } from "./resolve-module.js";

export type ExtensionFail = (message: string, fix: string) => never;

/**
 * A plugin's or shareable config's default export (a CommonJS module's `module.exports`). Every way it can fail
 * (not found, a syntax error, a throw while it loads) goes to `fail` with the specifier, never as a stack trace.
 */
export async function importExtension(
  specifier: string,
  fromDir: string,
  fail: ExtensionFail,
): Promise<{ file: string; value: unknown }> {
  const resolved = resolveModule(specifier, fromDir);
  if ("error" in resolved) return fail(`cannot load "${specifier}": ${resolved.error}`, resolved.fix);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(resolved.file).href)) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail(
      `cannot load "${specifier}" (${resolved.file}): ${reason}`,
      `fix the module so that Node can import it (try: node ${resolved.file})`,
    );
  }
  return { file: resolved.file, value: module.default ?? module };
}
