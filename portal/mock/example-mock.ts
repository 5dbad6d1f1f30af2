import { Router, type Request, type Response } from "express";
import { isObject as isRecord } from "../../generator/facts/json-object.js";
import { sendProblem } from "./problem.js";
import { deref, exampleOf } from "./sample.js";
import { HTTP_METHODS } from "../../generator/facts/http-methods.js";

interface MockRoute {
  pattern: RegExp;
  methods: Map<string, { status: number; contentType: string | undefined; body: unknown }>;
}

/**
 * A mock API answering every documented operation with the spec's example (or a sample built from the schema)
 * of its first success response. Used when the generated server's mock handlers are not available.
 */
export function exampleMockRouter(bundled: Record<string, unknown>): Router {
  const routes = compileRoutes(bundled);
  const router = Router();
  router.use((req: Request, res: Response) => {
    const path = req.path;
    const route = routes.find((candidate) => candidate.pattern.test(path));
    if (!route) return sendProblem(res, 404, "Not Found", `no operation matches ${path}`);
    const answer =
      route.methods.get(req.method.toLowerCase()) ?? (req.method === "HEAD" ? route.methods.get("get") : undefined);
    if (!answer) {
      res.setHeader("Allow", [...route.methods.keys()].map((m) => m.toUpperCase()).join(", "));
      return sendProblem(res, 405, "Method Not Allowed", `${req.method} is not documented for ${path}`);
    }
    res.status(answer.status);
    if (answer.contentType === undefined || answer.status === 204) return res.end();
    try {
      res.type(answer.contentType);
    } catch {
      // A media type Express cannot parse (`application/json, text/html`) is still the spec's: sent as written.
      res.setHeader("Content-Type", answer.contentType);
    }
    res.send(
      Buffer.from(answer.contentType.includes("json") ? JSON.stringify(answer.body) : String(answer.body ?? "")),
    );
  });
  return router;
}

function compileRoutes(bundled: Record<string, unknown>): MockRoute[] {
  const paths = isRecord(bundled.paths) ? bundled.paths : {};
  const routes: MockRoute[] = [];
  for (const [template, rawItem] of Object.entries(paths)) {
    const item = deref(bundled, rawItem);
    if (!isRecord(item)) continue;
    const methods: MockRoute["methods"] = new Map();
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isRecord(operation)) methods.set(method, answerFor(bundled, operation));
    }
    routes.push({ pattern: patternOf(template), methods });
  }
  // Literal segments win over parameters: /pets/mine before /pets/{id}.
  return routes.sort((a, b) => paramCount(a.pattern) - paramCount(b.pattern));
}

function patternOf(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}/?$`);
}

function paramCount(pattern: RegExp): number {
  return pattern.source.split("[^/]+").length;
}

function answerFor(
  bundled: Record<string, unknown>,
  operation: Record<string, unknown>,
): { status: number; contentType: string | undefined; body: unknown } {
  const responses = isRecord(operation.responses) ? operation.responses : {};
  const codes = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort();
  const code = codes[0];
  if (code === undefined) return { status: 200, contentType: "application/json", body: {} };
  const response = deref(bundled, responses[code]);
  const content = isRecord(response) && isRecord(response.content) ? response.content : {};
  const contentType = Object.keys(content).find((type) => type.includes("json")) ?? Object.keys(content)[0];
  const media = contentType === undefined ? undefined : content[contentType];
  return { status: Number(code), contentType, body: isRecord(media) ? exampleOf(bundled, media) : undefined };
}
