import type { OperationInfo } from "../../operation-info.js";
import { listOperationOf } from "../../helpers/list-operation.js";
import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { hasBodySchema, responseHeaderNames } from "./media.js";
import { collectionPaths, pathSegments } from "./path-segments.js";

/**
 * §6: a POST that creates a member of a collection answers 201 Created with the new resource in the body and its
 * URL in `Location`. A path is a collection when another path addresses its members (`/pets` next to
 * `/pets/{pet_id}`), or when its GET lists items. POSTs elsewhere are actions (`/pets/{id}/adopt`) and are not
 * checked; `202 Accepted` (asynchronous creation) is accepted instead of 201.
 */
export default defineRule({
  id: "rest/create-201-location",
  description:
    "A POST on a collection returns 201 with the created resource and a Location header (or 202 when asynchronous).",
  recommended: "warn",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, settings, report }) {
    const posts: OperationInfo[] = [];
    const listed: string[] = [];
    const allPaths: string[] = [];
    return {
      pathItem(path) {
        allPaths.push(path);
      },
      operation(operation) {
        if (operation.method === "post") posts.push(operation);
        if (listOperationOf(document, operation, settings)) listed.push(operation.path);
      },
      end() {
        const collections = collectionPaths(allPaths, listed);
        for (const operation of posts) {
          const last = pathSegments(operation.path).at(-1);
          if (last && !last.isParam && !last.isVersion && collections.has(last.prefix)) checkCreate(operation);
        }
      },
    };

    function checkCreate(operation: OperationInfo): void {
      const created = operation.responses.find((r) => r.status === "201");
      if (!created) {
        if (operation.responses.some((r) => r.status === "202")) return;
        const at = document.child(operation.node, "responses") ?? operation.node;
        report({
          message: `POST ${operation.path} creates a resource in a collection; answer 201 Created with the resource and a Location header`,
          at: at.at,
        });
        return;
      }
      const { response } = created;
      if (!hasBodySchema(document, response)) {
        report({ message: "201 response has no body; return the created resource in it", at: response.at });
      }
      if (!responseHeaderNames(document, response).has("location")) {
        report({
          message: "201 response declares no Location header; add Location with the URL of the created resource",
          at: response.at,
        });
      }
    }
  },
});
