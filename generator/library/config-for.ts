import { resolve } from "node:path";
import { configFileForSpec, findConfigFile, loadConfigFile, type SpecwrightConfig } from "../config/index.js";

/** A config given as a path or as a parsed config; absent: the nearest specwright.config.yaml above `near`. */
export type ConfigInput = string | SpecwrightConfig;

export function configFor(given: ConfigInput | undefined, near: string): Promise<SpecwrightConfig> {
  if (typeof given === "object") return Promise.resolve(given);
  return loadConfigFile(given !== undefined ? resolve(given) : configFileForSpec(near));
}

/** The portal's config: the one given, else the nearest specwright.config.yaml above the specs folder, else defaults. */
export function portalConfigFor(specsDir: string, given: ConfigInput | undefined): Promise<SpecwrightConfig> {
  if (typeof given === "object") return Promise.resolve(given);
  return loadConfigFile(given !== undefined ? resolve(given) : findConfigFile(specsDir));
}
