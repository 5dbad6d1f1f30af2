import type { NodeRef } from "../../../load/index.js";
import { defineRule } from "../../rule.js";
import { isPluralSegment, pathKeyPlace, pathSegments, pluralSuggestion, prefixesWithMembers } from "./path-segments.js";

/**
 * §1: collections are named with plural nouns (`/pets/{pet_id}`, not `/pet/{pet_id}`). A collection segment is a
 * literal segment that some path follows with a `{param}`. Version segments (`v1`), uncountable nouns (`media`) and
 * the `singletons` allow list (a global `config`, the caller's `me`) pass. Each segment is reported once, at the
 * first path that contains it.
 */
export default defineRule({
  id: "rest/plural-collections",
  description: "Collection path segments (those followed by a {param}) are plural nouns; singletons may be allowed by name.",
  recommended: "warn",
  defaultOptions: { singletons: [] as string[] },
  create({ document, options, report }) {
    const paths: Array<{ path: string; at: NodeRef }> = [];
    return {
      pathItem(path, item) {
        paths.push({ path, at: pathKeyPlace(document, path, item) });
      },
      end() {
        const collections = prefixesWithMembers(paths.map((p) => p.path));
        const singletons = new Set(options.singletons.map((name) => name.toLowerCase()));
        const checked = new Set<string>();
        for (const { path, at } of paths) {
          for (const segment of pathSegments(path)) {
            if (segment.isParam || segment.isVersion || !collections.has(segment.prefix) || checked.has(segment.prefix)) continue;
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
