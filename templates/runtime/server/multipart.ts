// Reads a multipart/form-data body (RFC 7578) with busboy, streaming, under the router's multipart limits: the
// parts are collected in order, each file as bytes, and a body past a limit is a 413 as soon as it is seen (the
// rest is drained, not buffered). A body busboy cannot parse is a 400. multipart-body.ts gives the parts meaning.
import busboy from "busboy";
import type { RequestHandler } from "express";
import { HttpProblem } from "./problem.js";

/** A file part as the handler receives it. */
export interface Upload {
  /** The part's `filename` (RFC 7578 §4.2), without a path; undefined when it had none. */
  filename: string | undefined;
  /** The part's Content-Type essence (`text/plain` when it sent none, RFC 7578 §4.4). */
  mimeType: string;
  /** Bytes received (= data.length). */
  size: number;
  data: Buffer;
}

/** One part, in the order received: a plain field (a string) or a part sent with a filename (bytes). */
export type Part = { name: string; value: string; mimeType: string } | { name: string; upload: Upload };

export interface MultipartLimits {
  /** Most file parts per request (default 10). */
  files?: number;
  /** Largest file part, in bytes (default 10 MiB). */
  fileSize?: number;
  /** Largest whole body, in bytes (default 20 MiB). */
  totalSize?: number;
  /** Most non-file fields per request (default 100); each at most 1 MiB. */
  fields?: number;
}

export const DEFAULT_MULTIPART_LIMITS: Required<MultipartLimits> = {
  files: 10,
  fileSize: 10 * 1024 * 1024,
  totalSize: 20 * 1024 * 1024,
  fields: 100,
};

const FIELD_SIZE = 1024 * 1024;

export function multipartParser(given: MultipartLimits = {}): RequestHandler {
  const limits = { ...DEFAULT_MULTIPART_LIMITS, ...given };
  return (req, _res, next) => {
    const encoding = req.headers["content-encoding"]?.trim().toLowerCase();
    if (encoding !== undefined && encoding !== "" && encoding !== "identity") {
      next(
        new HttpProblem(
          415,
          "unsupported_encoding",
          "A multipart body is read as sent; send it without Content-Encoding.",
        ),
      );
      return;
    }
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limits.totalSize) {
      next(tooLarge(`The request body is larger than this API accepts (${limits.totalSize} bytes).`));
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: "utf8", // filenames as browsers send them (busboy's default is latin1)
        limits: {
          files: limits.files,
          fileSize: limits.fileSize,
          fields: limits.fields,
          fieldSize: FIELD_SIZE,
          fieldNameSize: 200,
        },
      });
    } catch {
      next(malformed("The multipart body's Content-Type needs a boundary parameter (RFC 2046 §5.1.1)."));
      return;
    }
    const parts: Part[] = [];
    let received = 0;
    let done = false;
    const finish = (error?: HttpProblem): void => {
      if (done) return;
      done = true;
      if (error !== undefined) {
        req.unpipe(parser);
        req.removeListener("data", count);
        req.resume(); // drain what the client still sends; the connection closes after the answer
      }
      if (error === undefined) req.body = parts;
      next(error);
    };
    const count = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limits.totalSize)
        finish(tooLarge(`The request body is larger than this API accepts (${limits.totalSize} bytes).`));
    };
    parser.on("field", (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated)
        finish(tooLarge(`Field "${clip(name)}" is longer than this API accepts (${FIELD_SIZE} bytes).`));
      else parts.push({ name, value, mimeType: info.mimeType });
    });
    parser.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
      });
      stream.on("limit", () =>
        finish(tooLarge(`File "${clip(name)}" is larger than this API accepts (${limits.fileSize} bytes).`)),
      );
      stream.on("end", () => {
        if (!done)
          parts.push({
            name,
            upload: { filename: info.filename, mimeType: info.mimeType, size, data: Buffer.concat(chunks, size) },
          });
      });
    });
    parser.on("filesLimit", () =>
      finish(tooLarge(`The request has more files than this API accepts (${limits.files}).`)),
    );
    parser.on("fieldsLimit", () =>
      finish(tooLarge(`The request has more fields than this API accepts (${limits.fields}).`)),
    );
    parser.on("error", () => finish(malformed("The multipart body is malformed or incomplete.")));
    parser.on("close", () => finish());
    req.on("data", count);
    req.on("aborted", () => finish(malformed("The request body was not received completely.")));
    req.pipe(parser);
  };
}

function tooLarge(detail: string): HttpProblem {
  return new HttpProblem(413, "payload_too_large", detail, { headers: { Connection: "close" } });
}

function malformed(detail: string): HttpProblem {
  return new HttpProblem(400, "malformed_multipart", detail);
}

/** A client's name quoted back in a message, bounded. */
function clip(name: string): string {
  return name.length > 64 ? `${name.slice(0, 64)}…` : name;
}
