// Reads a request body by the declared media type it falls under (RFC 9110 §12.5.1 precedence): JSON, a form,
// multipart (under its own limits), text, or bytes, each with the router's size limit (413 past it). An undeclared
// media type is a 415.
import express from "express";
import type { Request, RequestHandler } from "express";
import { bodyKindOf, hasBody, matchDeclaredMediaType } from "./media-type.js";
import type { BodyKind } from "./media-type.js";
import { multipartParser } from "./multipart.js";
import type { MultipartLimits } from "./multipart.js";
import type { OperationSpec } from "./operation.js";
import { HttpProblem } from "./problem.js";

/** RFC 9110 §8.3: a body without Content-Type may be taken as bytes. */
const UNLABELLED = "application/octet-stream";

export type BodyParsers = Readonly<Record<BodyKind, RequestHandler>>;

export function bodyParsers(limit: string | number, multipart: MultipartLimits = {}): BodyParsers {
  const any = () => true; // the media type was checked already; the parser only reads
  return {
    json: express.json({ limit, strict: false, type: any }),
    form: express.urlencoded({ limit, extended: false, type: any }),
    text: express.text({ limit, type: any }),
    binary: express.raw({ limit, type: any }),
    multipart: multipartParser(multipart),
  };
}

const matched = new WeakMap<Request, string>();

/** The declared media type the request's body was read as; undefined when it had no body. */
export function matchedMediaType(req: Request): string | undefined {
  return matched.get(req);
}

export function sentMediaType(req: Request): string {
  return req.headers["content-type"] ?? UNLABELLED;
}

export function bodyReader(op: OperationSpec, parsers: BodyParsers): RequestHandler {
  const declared = op.body?.mediaTypes ?? [];
  return (req, res, next) => {
    if (!hasBody(req)) {
      // An empty form is an object without fields (readBody), when a form is declared.
      const type = req.headers["content-type"];
      const form =
        type !== undefined && bodyKindOf(type) === "form" ? matchDeclaredMediaType(type, declared) : undefined;
      if (form !== undefined) matched.set(req, form);
      next();
      return;
    }
    const contentType = sentMediaType(req);
    const mediaType = matchDeclaredMediaType(contentType, declared);
    if (mediaType === undefined) {
      const accepted = declared.join(", ");
      next(
        new HttpProblem(415, "unsupported_media_type", `Send the body as ${accepted}.`, {
          headers: { "Accept-Post": accepted },
        }),
      );
      return;
    }
    matched.set(req, mediaType);
    parsers[op.body?.textForms?.includes(mediaType) === true ? "text" : bodyKindOf(contentType)](req, res, next);
  };
}
