import type { NodeRef } from "../../../load/index.js";
import { listOperationOf } from "../../helpers/list-operation.js";
import { defineRule } from "../../rule.js";
import { optionsSchema, STRING_LIST } from "../../option-schemas.js";
import { collectionPaths, isPluralSegment, pathKeyPlace, pathSegments, pluralSuggestion } from "./path-segments.js";

/**
 * §1: collections are named with plural nouns (`/pets/{pet_id}`, not `/pet/{pet_id}`). A collection segment is a
 * literal segment that some path follows with a `{param}`, or the last segment of a path whose GET lists items. Version segments (`v1`), uncountable nouns (`media`) and
 * the `singletons` allow list (a global `config`, the caller's `me`) pass. Each segment is reported once, at the
 * first path that contains it.
 */
export default defineRule({
  id: "rest/plural-collections",
  description:
    "Collection path segments (followed by a {param}, or listed by a GET) are plural nouns; singletons may be allowed by name.",
  recommended: "warn",
  defaultOptions: { singletons: [] as string[] },
  optionsSchema: optionsSchema({ singletons: STRING_LIST }),
  create({ document, settings, options, report }) {
    const paths: Array<{ path: string; at: NodeRef }> = [];
    const listed: string[] = [];
    return {
      pathItem(path, item) {
        paths.push({ path, at: pathKeyPlace(document, path, item) });
      },
      operation(operation) {
        if (listOperationOf(document, operation, settings)) listed.push(operation.path);
      },
      end() {
        const collections = collectionPaths(
          paths.map((p) => p.path),
          listed,
        );
        const singletons = new Set(options.singletons.map((name) => name.toLowerCase()));
        const checked = new Set<string>();
        for (const { path, at } of paths) {
          for (const segment of pathSegments(path)) {
            if (segment.isParam || segment.isVersion || !collections.has(segment.prefix) || checked.has(segment.prefix))
              continue;
            checked.add(segment.prefix);
            if (singletons.has(segment.text.toLowerCase()) || isPluralSegment(segment.text)) continue;
            report({
              message: `collection segment "${segment.text}" in "${segment.prefix}" is singular; name collections in the plural ("${pluralSuggestion(segment.text)}"), or list it in the singletons option`,
              at,
            });
          }
        }
      },
    };
  },
});
