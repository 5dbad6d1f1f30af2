// Compiling a JSON Schema with ajv costs tens to hundreds of ms of CPU (the OpenAPI schemas ~0.5 s), on every CLI run,
// and loading ajv itself is ~220 CommonJS modules. A compiled validator is therefore kept as ajv "standalone" code
// under node_modules/.cache/specwright/validators, keyed by ajv's version, the options and the schema: later runs
// only load that file, and ajv's small runtime helpers.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { SPECWRIGHT_CACHE } from "./cache-dir.js";
import { writeCacheFile } from "./content-cache.js";

const CACHE_DIR = join(SPECWRIGHT_CACHE, "validators");
/** Every edited example schema adds a validator: the folder keeps the newest, as the other caches do. */
const KEEP_VALIDATORS = 2000;

export interface CompiledValidator<V> {
  /** The ajv instance `validate` was compiled with (`code: { source: true }`), for its standalone code. */
  ajv: unknown;
  validate: V;
}

export interface ValidatorRecipe<V> {
  /** Names the cache file, for people looking into the cache. */
  name: string;
  /** What the schema is: the schema itself, or a string that changes whenever it does (a package version). */
  schema: object | string;
  options: object;
  ajvVersion: string;
  /** Loads ajv (and the schema, when `schema` names it) and compiles: called only when no cached validator fits. */
  compile(): CompiledValidator<V>;
  /** ajv's `standalone` export, loaded with `compile`. */
  standaloneCode(ajv: unknown, validate: V): string;
}

/** The validator for a schema: the cached standalone code when it exists, else compiled now and cached. */
export function cachedValidator<V>(recipe: ValidatorRecipe<V>): V {
  const key = createHash("sha256")
    .update(recipe.ajvVersion)
    .update(JSON.stringify(recipe.options))
    .update(JSON.stringify(recipe.schema))
    .digest("hex")
    .slice(0, 16);
  const file = join(CACHE_DIR, `${recipe.name}-${key}.cjs`);
  if (existsSync(file)) {
    try {
      return createRequire(file)(file) as V;
    } catch {
      // a damaged cache file: compile afresh below and replace it
    }
  }
  const { ajv, validate } = recipe.compile();
  // a read-only install validates with the in-memory compilation (writeCacheFile ignores write failures)
  writeCacheFile(file, () => recipe.standaloneCode(ajv, validate), KEEP_VALIDATORS);
  return validate;
}
