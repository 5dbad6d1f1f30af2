// A small spec and plugin sources for the custom-rule tests: line numbers in the spec are asserted, keep them.
export const SPEC = [
  "openapi: 3.1.0", // 1
  "info: { title: Shop, version: 1.0.0 }", // 2
  "paths:", // 3
  "  /v1/orders:", // 4
  "    get:", // 5
  "      operationId: listOrders", // 6
  "      x-owner: team-orders", // 7
  "      responses:", // 8
  "        '200': { description: ok }", // 9
  "    post:", // 10
  "      operationId: create_order", // 11
  "      x-specwright-ignore: [acme/ignored-here]", // 12
  "      responses:", // 13
  "        '201': { description: created }", // 14
  "components:", // 15
  "  schemas:", // 16
  "    Order:", // 17
  "      type: object", // 18
  "      properties:", // 19
  "        id: { type: string, description: The id }", // 20
  "        total: { type: integer }", // 21
  "",
].join("\n");

/** A plugin whose rule reports every operation without `x-owner`, at the operation. */
export const OWNER_PLUGIN = `export default {
  rules: [
    {
      id: "acme/has-owner",
      description: "Every operation names its owning team in x-owner.",
      recommended: "error",
      defaultOptions: { key: "x-owner" },
      optionsSchema: { type: "object", additionalProperties: false, properties: { key: { type: "string" } } },
      docsUrl: "https://acme.example/rules/has-owner",
      create(context) {
        return {
          operation(operation) {
            if (operation.node.value[context.options.key] === undefined) context.report({ message: \`\${operation.method.toUpperCase()} \${operation.path} has no \${context.options.key}\`, at: operation.node.at });
          },
        };
      },
    },
  ],
};
`;

/** A plugin with a rule that throws, and one that reports everywhere (silenced on the POST by x-specwright-ignore). */
export const CRASHING_PLUGIN = `export default {
  rules: [
    { id: "acme/crashes", description: "Throws.", recommended: "error", defaultOptions: {}, create() { return { operation() { throw new Error("boom"); } }; } },
    { id: "acme/crashes-early", description: "Throws in create.", recommended: "error", defaultOptions: {}, create() { throw new Error("bad setup"); } },
    { id: "acme/no-place", description: "Reports without at.", recommended: "error", defaultOptions: {}, create({ report }) { return { end() { report({ message: "somewhere" }); } }; } },
    { id: "acme/ignored-here", description: "Reports every operation.", recommended: "warn", defaultOptions: {}, create({ report }) { return { operation(op) { report({ message: "seen", at: op.node.at }); } }; } },
  ],
};
`;

export const RULES_PACKAGE_JSON = JSON.stringify({
  name: "@acme/specwright-rules",
  version: "1.0.0",
  type: "module",
  exports: { ".": { import: "./index.mjs" } },
});
