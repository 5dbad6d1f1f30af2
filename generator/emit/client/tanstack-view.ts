// IR + client view -> the view of tanstack-query.ts (the opt-in TanStack Query v5 adapter, `--tanstack-query`):
// query options for every safe operation (RFC 9110 §9.2.1: GET, HEAD, OPTIONS, TRACE), mutation options for the
// others, and infinite query options only where the model proved a paging scheme (never a guessed cursor).
import type { ApiModel, Operation, Pagination } from "../../model/ir.js";
import { NameScope } from "../../model/identifiers.js";
import { codeSpan, docComment, jsString } from "../shared/code-literals.js";
import { isGeneratedPackageJson } from "../server/package-json.js";
import type { ClientView, OperationView } from "./view-model.js";

/** The @tanstack/query-core the adapter needs: DataTag with an error type (5.62, TanStack/query#8361); tested with 5.108. */
export const TANSTACK_QUERY_CORE_RANGE = "^5.62.0";

/** What the adapter's runtime exports and the file imports: no generated export may take these names. */
const RUNTIME_NAMES = [
  "DataTag",
  "InfiniteData",
  "ParamsScheme",
  "ApiError",
  "BaseClient",
  "RequestOptions",
  "OperationSpec",
  "Defined",
  "defined",
  "withSignal",
  "nextPageParams",
  "linkPage",
  "nextLinkParam",
  "LinkPage",
  "QueryError",
  "InfiniteQueryError",
  "QueryOptionsFor",
  "InfiniteQueryOptionsFor",
  "MutationOptionsFor",
];

/**
 * A generated package.json (the client's, or the server's when both share the folder) with the adapter's peer
 * dependency: tanstack-query.ts imports @tanstack/query-core's types, which the app's TanStack Query brings. A
 * package.json the user wrote is left as it is.
 */
export function withTanstackPeer(packageJson: string): string {
  if (!isGeneratedPackageJson(packageJson)) return packageJson;
  const manifest = JSON.parse(packageJson) as { peerDependencies?: Record<string, string> };
  manifest.peerDependencies = { ...manifest.peerDependencies, "@tanstack/query-core": TANSTACK_QUERY_CORE_RANGE };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const SAFE_METHODS = new Set(["get", "head", "options", "trace"]);

export interface TanstackOperationView {
  fnName: string;
  /** The operation's key, as the first element of every query key (`["listPets", params]`). */
  keyLiteral: string;
  /** Doc comment (with its newline) naming the operation, put before each of its functions. */
  doc: string;
  paramsName: string;
  resultName: string;
  errorName: string;
  /** What a failed call throws for a non-2xx answer, as a type (an ApiError with the operation's typed problem). */
  thrown: string;
  paramsOptional: boolean;
  query: { keyFn: string; keyType: string; optionsFn: string; errorType: string } | null;
  mutation: { keyFn: string; optionsFn: string; errorType: string } | null;
  infinite: InfiniteView | null;
}

interface InfiniteView {
  keyFn: string;
  keyType: string;
  optionsFn: string;
  /** The client's page scheme literal (runtime/pagination.ts's PageScheme), for token, offset and keyset lists. */
  scheme: string | null;
  /** Link lists call the transport themselves (the next URL is in a response header): the operation's spec literal. */
  link: { specName: string; specLiteral: string } | null;
  /** The README's access to a page's items (`page.data`), from the page. */
  itemsAccess: string;
}

export interface TanstackView {
  operations: TanstackOperationView[];
  /** Values and types the file imports from client.ts. */
  clientImports: string[];
  hasInfinite: boolean;
  hasLink: boolean;
  hasParamsPaging: boolean;
  hasQueries: boolean;
  hasMutations: boolean;
  readme: TanstackReadme;
}

interface TanstackReadme {
  queryExample: string;
  mutationExample: string;
  infiniteExample: string;
  /** One Markdown list item per infinite query: its options function and how it pages. */
  infiniteList: string[];
}

const PAGING: Record<Pagination["kind"], string> = {
  cursor: "next-page token",
  offset: "offset",
  link: 'Link header rel="next"',
  after: "keyset (after the last item's cursor)",
};

/** Builds the adapter's view; `client` is the client view the same generation renders (names and literals agree). */
export function tanstackView(model: ApiModel, client: ClientView): TanstackView {
  const views = new Map(client.groups.flatMap((group) => group.operations).map((op) => [op.fnName, op]));
  const operations = model.operations
    .map((op) => [op, views.get(op.id)] as const)
    .filter((pair): pair is readonly [Operation, OperationView] => pair[1] !== undefined);
  // Two scopes: values and types live apart in TypeScript, and each is kept unique case-insensitively.
  const values = new NameScope([...RUNTIME_NAMES, ...operations.map(([op]) => op.id)]);
  const types = new NameScope([
    ...RUNTIME_NAMES,
    ...operations.flatMap(([, view]) => [view.paramsName, view.resultName, view.errorName]),
  ]);
  const result = operations.map(([op, view]) => operationView(op, view, values, types));
  const imports = new Set<string>(result.length ? ["type BaseClient", "type RequestOptions"] : []);
  for (const op of result) {
    imports.add(op.fnName);
    for (const name of [op.paramsName, op.resultName, op.errorName]) imports.add(`type ${name}`);
    if (op.thrown.startsWith("ApiError<")) imports.add("type ApiError");
  }
  // The query example shows a single resource where there is one (lists have their own example).
  const onItem = new Set(operations.filter(([op]) => /\}\/?$/.test(op.path)).map(([op]) => op.id));
  const firstQuery =
    result.find((op) => op.query && onItem.has(op.fnName)) ??
    result.find((op) => op.query && !op.infinite) ??
    result.find((op) => op.query);
  const firstMutation = result.find((op) => op.mutation);
  const firstInfinite = result.find((op) => op.infinite);
  return {
    operations: result,
    clientImports: [...imports],
    hasInfinite: firstInfinite !== undefined,
    hasLink: result.some((op) => op.infinite?.link),
    hasParamsPaging: result.some((op) => op.infinite?.scheme),
    hasQueries: firstQuery !== undefined,
    hasMutations: firstMutation !== undefined,
    readme: {
      queryExample: queryExample(firstQuery, views),
      mutationExample: mutationExample(firstMutation, views),
      infiniteExample: infiniteExample(firstInfinite, views),
      infiniteList: result.flatMap((op) => {
        const pagination = model.operations.find((candidate) => candidate.id === op.fnName)?.pagination;
        return op.infinite && pagination
          ? [
              `${codeSpan(op.infinite.optionsFn)}: by ${PAGING[pagination.kind]}${op.infinite.link ? " (each page is `{ data, next }`)" : ""}`,
            ]
          : [];
      }),
    },
  };
}

function operationView(op: Operation, view: OperationView, values: NameScope, types: NameScope): TanstackOperationView {
  const pascal = view.fnName.charAt(0).toUpperCase() + view.fnName.slice(1);
  const safe = SAFE_METHODS.has(op.method);
  const query = safe
    ? {
        keyFn: values.claim(`${view.fnName}QueryKey`),
        keyType: types.claim(`${pascal}QueryKey`),
        optionsFn: values.claim(`${view.fnName}QueryOptions`),
        errorType: types.claim(`${pascal}QueryError`),
      }
    : null;
  const mutation = safe
    ? null
    : {
        keyFn: values.claim(`${view.fnName}MutationKey`),
        optionsFn: values.claim(`${view.fnName}MutationOptions`),
        errorType: types.claim(`${pascal}MutationError`),
      };
  const infinite: InfiniteView | null =
    safe && op.pagination && view.pagination
      ? {
          keyFn: values.claim(`${view.fnName}InfiniteQueryKey`),
          keyType: types.claim(`${pascal}InfiniteQueryKey`),
          optionsFn: values.claim(`${view.fnName}InfiniteQueryOptions`),
          scheme: op.pagination.kind === "link" ? null : view.pagination.scheme,
          link:
            op.pagination.kind === "link" ? { specName: `${view.fnName}$spec`, specLiteral: view.specLiteral } : null,
          itemsAccess: [
            op.pagination.kind === "link" ? "page.data" : "page",
            ...(op.pagination.itemsField ?? []).map(member),
          ].join(""),
        }
      : null;
  return {
    fnName: view.fnName,
    keyLiteral: jsString(view.fnName),
    doc: docComment([`\`${view.fnName}\`: ${op.method.toUpperCase()} ${op.pathKey}`, op.summary]),
    paramsName: view.paramsName,
    resultName: view.resultName,
    errorName: view.errorName,
    thrown: thrownError(view),
    paramsOptional: view.paramsOptional,
    query,
    mutation,
    infinite,
  };
}

/**
 * What a failed call of the operation throws for a non-2xx answer. A client view that names the error bodies apart
 * (`problemName`) calls the thrown union of ApiError subclasses `errorName`; one without names the bodies
 * `errorName`, thrown inside an ApiError.
 */
function thrownError(view: OperationView): string {
  const namesBodiesApart = (view as { problemName?: unknown }).problemName !== undefined;
  return namesBodiesApart ? view.errorName : `ApiError<${view.errorName}>`;
}

/** `.name`, or `["a-name"]` for a member that is no identifier. */
function member(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `.${name}` : `[${jsString(name)}]`;
}

/** `{ … }` of an operation's example call (`getPet(client, { pet_id: 1 })`), "{}" when it takes nothing required. */
function exampleArgs(view: OperationView | undefined): string {
  const match = view ? /^[^(]*\(client, (.*)\)$/s.exec(view.standaloneCall) : null;
  return match?.[1] ?? "{}";
}

function queryExample(op: TanstackOperationView | undefined, views: Map<string, OperationView>): string {
  if (!op?.query) return "// this API has no GET operations";
  return [
    `import { useQuery } from "@tanstack/react-query";`,
    `import { ${op.query.optionsFn} } from "./tanstack-query.js";`,
    ``,
    `const { data, error } = useQuery(${op.query.optionsFn}(client, ${exampleArgs(views.get(op.fnName))}));`,
    `// error: ${op.query.errorType} (what ${op.fnName} throws: an ApiError with the documented problem, or a NetworkError, …)`,
  ].join("\n");
}

function mutationExample(op: TanstackOperationView | undefined, views: Map<string, OperationView>): string {
  if (!op?.mutation) return "// this API has no operations that change state";
  return [
    `import { useMutation, useQueryClient } from "@tanstack/react-query";`,
    `import { ${op.mutation.optionsFn} } from "./tanstack-query.js";`,
    ``,
    `const queryClient = useQueryClient();`,
    `const mutation = useMutation({ ...${op.mutation.optionsFn}(client), onSuccess: () => queryClient.invalidateQueries() });`,
    `mutation.mutate(${exampleArgs(views.get(op.fnName))});`,
  ].join("\n");
}

function infiniteExample(op: TanstackOperationView | undefined, views: Map<string, OperationView>): string {
  if (!op?.infinite) return "// this API has no list operation whose paging scheme the spec proves";
  return [
    `import { useInfiniteQuery } from "@tanstack/react-query";`,
    `import { ${op.infinite.optionsFn} } from "./tanstack-query.js";`,
    ``,
    `const list = useInfiniteQuery(${op.infinite.optionsFn}(client, ${exampleArgs(views.get(op.fnName))}));`,
    `const items = list.data?.pages.flatMap((page) => ${op.infinite.itemsAccess}) ?? [];`,
    `if (list.hasNextPage) void list.fetchNextPage();`,
  ].join("\n");
}
