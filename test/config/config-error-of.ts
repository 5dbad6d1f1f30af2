import { join } from "node:path";
import { expect } from "vitest";
import { ConfigError, loadConfigFile } from "../../generator/config/index.js";
import { writeSpecFiles as tempTree } from "../load/temp-spec.js";

/** The ConfigError loading specwright.config.yaml of a temp folder holding `files` gives (fails the test when it loads). */
export async function configErrorOf(files: Record<string, string>): Promise<ConfigError> {
  const dir = tempTree(files);
  const error = await loadConfigFile(join(dir, "specwright.config.yaml")).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}
