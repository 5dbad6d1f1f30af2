import type { RequestHandler, Response } from "express";
import type { OutgoingHttpHeaders } from "node:http";
import { INERT_CSP } from "../security.js";

/**
 * Media types a browser shows without running anything: data it displays as text, raster images, audio and video.
 * Everything else (HTML, XHTML, SVG, XML and its XSLT, JavaScript/ECMAScript, PDF, multipart/x-mixed-replace, any
 * type we do not know) may be rendered as active content, so it goes out as an attachment.
 */
const PASSIVE_MEDIA_TYPE =
  /^(?:application\/(?:json|[\w.+-]+\+json|x-ndjson|yaml|x-yaml|octet-stream|x-www-form-urlencoded)|text\/(?:plain|csv|yaml|x-yaml)|image\/(?:png|jpeg|gif|webp|avif|bmp)|audio\/[\w.+-]+|video\/[\w.+-]+)$/;

/**
 * Makes every mock response inert in a browser, whatever the mock behind it writes: a spec's example is the spec
 * author's content, and served from the portal's origin it could read every other API's spec. The policy is applied
 * when the headers go out (Node's `writeHead`, which every `res.send`/`res.end` path goes through), so headers the
 * mock sets, or passes to `writeHead` itself, cannot undo it:
 * - `Content-Security-Policy: default-src 'none'; sandbox`: no script, no subresource, an opaque origin;
 * - `X-Content-Type-Options: nosniff`: the declared type is the one used;
 * - an active or missing media type goes out with `Content-Disposition: attachment` (fetch and XHR callers, such as
 *   Swagger UI, read the body as before; a navigation downloads it instead of rendering it).
 */
export const inertResponses: RequestHandler = (_req, res, next) => {
  const writeHead = res.writeHead.bind(res) as (statusCode: number, reason?: string) => Response;
  res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    const reason = typeof rest[0] === "string" ? rest[0] : undefined;
    const headers = reason === undefined ? rest[0] : rest[1];
    if (headers !== undefined) applyHeaders(res, headers as OutgoingHttpHeaders | string[]);
    makeInert(res);
    return reason === undefined ? writeHead(statusCode) : writeHead(statusCode, reason);
  }) as Response["writeHead"];
  next();
};

function makeInert(res: Response): void {
  res.setHeader("Content-Security-Policy", INERT_CSP);
  res.setHeader("X-Content-Type-Options", "nosniff");
  if (!isPassive(res.getHeader("Content-Type"))) res.setHeader("Content-Disposition", "attachment");
}

/**
 * One media type from the passive list, and nothing else: several values, or a comma inside one, could make the
 * browser pick another type (the Fetch standard's "extract a MIME type" takes the last one of a list).
 */
export function isPassive(contentType: number | string | string[] | undefined): boolean {
  if (typeof contentType !== "string" || contentType.includes(",")) return false;
  const essence = contentType.split(";")[0]!.trim().toLowerCase();
  return PASSIVE_MEDIA_TYPE.test(essence);
}

/** Headers passed to `writeHead` itself: an object, or Node's flat [name, value, name, value] list. */
function applyHeaders(res: Response, headers: OutgoingHttpHeaders | string[]): void {
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) res.appendHeader(String(headers[i]), String(headers[i + 1]));
    return;
  }
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
}
