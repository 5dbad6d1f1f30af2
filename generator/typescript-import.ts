import { pathToFileURL } from "node:url";

let registered: Promise<void> | undefined;

/**
 * Imports a TypeScript module at run time (generated mock servers, user handlers). The CLI runs from a compiled
 * bundle, so the TypeScript loader is registered only when such a module is actually needed.
 */
export async function importTypeScript<T = Record<string, unknown>>(file: string): Promise<T> {
  registered ??= import("tsx/esm/api").then(({ register }) => void register());
  await registered;
  return (await import(pathToFileURL(file).href)) as T;
}
