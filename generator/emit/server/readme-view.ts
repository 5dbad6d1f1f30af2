// What the server's README says about this API: its title and base path, the verifiers its security schemes
// need, whether page tokens need a secret, and the install commands at the pinned versions.
import type { ApiModel, SecurityScheme } from "../../model/ir.js";
import { codeSpan, markdownInline } from "../shared/code-literals.js";
import { DOCS_PEERS, installCommand, SERVER_DEPENDENCIES, TELEMETRY_PEERS, TYPE_PACKAGES } from "./package-json.js";

export interface ServerReadmeView {
  header: string;
  title: string;
  source: string;
  basePath: string;
  docsUrl: string;
  /** "1 operation", "12 operations". */
  operationCount: string;
  schemes: { name: string; credential: string }[];
  cursorPaging: boolean;
  install: string;
  installTypes: string;
  installDocs: string;
  installTelemetry: string;
  /** The first operation's handler and its named types, for the handler example; undefined without operations. */
  example:
    | { handler: string; requestType: string; requestTypeRef: string; resultType: string; secured: boolean }
    | undefined;
}

/** The names server.ts gives an operation's handler and types (view-model.ts's OperationView). */
export interface HandlerNames {
  id: string;
  requestType: string;
  requestTypeRef: string;
  resultType: string;
}

export function serverReadmeView(model: ApiModel, header: string, handlers: readonly HandlerNames[]): ServerReadmeView {
  const first = handlers[0];
  const secured = first?.requestTypeRef.endsWith("<P>") === true;
  return {
    header,
    title: markdownInline(model.title),
    source: codeSpan(model.source),
    basePath: codeSpan(model.basePath === "" ? "/" : model.basePath),
    docsUrl: codeSpan(`${model.basePath}/docs`),
    operationCount: `${model.operations.length} operation${model.operations.length === 1 ? "" : "s"}`,
    schemes: model.securitySchemes.map((scheme) => ({
      name: codeSpan(scheme.rawName),
      credential: credentialOf(scheme),
    })),
    cursorPaging: model.operations.some((op) => op.pagination?.kind === "cursor"),
    install: installCommand(SERVER_DEPENDENCIES),
    installTypes: installCommand(TYPE_PACKAGES, true),
    installDocs: installCommand(DOCS_PEERS),
    installTelemetry: installCommand(TELEMETRY_PEERS),
    example:
      first === undefined
        ? undefined
        : {
            handler: first.id,
            requestType: first.requestType,
            requestTypeRef: secured ? `${first.requestType}<User>` : first.requestType,
            resultType: first.resultType,
            secured,
          },
  };
}

/** The credential a verifier of `scheme` receives (the runtime's `Credential` kinds). */
function credentialOf(scheme: SecurityScheme): string {
  switch (scheme.kind) {
    case "http-bearer":
    case "oauth2":
    case "openid-connect":
      return '`{ kind: "bearer", token }` from `Authorization: Bearer …`';
    case "http-basic":
      return '`{ kind: "basic", username, password }` from `Authorization: Basic …`';
    case "api-key":
      return `\`{ kind: "api-key", key }\` from the ${scheme.in} ${codeSpan(scheme.paramName)}`;
    case "http-other":
      return `\`{ kind: "http", scheme, credentials }\` from \`Authorization: ${scheme.scheme} …\``;
    case "unsupported":
      return `nothing: type ${codeSpan(scheme.type)} is not supported, so every request is refused`;
  }
}
