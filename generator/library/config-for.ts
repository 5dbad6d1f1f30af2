import { resolve } from "node:path";
import { configFileForSpec, loadConfigFile, type SpecwrightConfig } from "../config/index.js";

/** A config given as a path or as a parsed config; absent: the nearest specwright.config.yaml above `near`. */
export type ConfigInput = string | SpecwrightConfig;

export function configFor(given: ConfigInput | undefined, near: string): Promise<SpecwrightConfig> {
  if (typeof given === "object") return Promise.resolve(given);
  return loadConfigFile(given !== undefined ? resolve(given) : configFileForSpec(near));
}
