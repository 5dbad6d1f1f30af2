import { SpecLoadError } from "./load-error.js";

/** A mistake in specwright.config.yaml: reported like a spec load error (file:line:col + fix, exit 2). */
export class ConfigError extends SpecLoadError {
  constructor(args: ConstructorParameters<typeof SpecLoadError>[0]) {
    super(args);
    this.name = "ConfigError";
  }
}
