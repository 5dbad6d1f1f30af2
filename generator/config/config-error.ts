// The class lives in load/ beside SpecLoadError, so every layer can throw it without importing config.
export { ConfigError } from "../load/config-error.js";
