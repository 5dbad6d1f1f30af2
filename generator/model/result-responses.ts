// Which documented responses are an operation's result (what a call returns rather than throws). The 2xx ones;
// an operation that documents no 2xx but a 3xx (bkk.hu `bookingRedirect`: only `302`; GitHub's archive links) has
// that redirect as its outcome: RFC 9110 §15.4 leaves following a redirect to the user agent's choice ("MAY
// automatically redirect"), and here the spec says the redirect is the answer, its Location the information. A 3xx
// beside a 2xx (GitHub's `301 Moved Permanently`) is a detour to the documented result, and is followed.
import type { Operation, Response } from "./ir.js";

export function resultResponses(op: Operation): Response[] {
  const success = op.responses.filter((response) => response.kind === "success");
  return success.length > 0 ? success : op.responses.filter((response) => response.kind === "redirect");
}

/** The 3xx statuses RFC 9110 §15.4 defines: what a `3XX` range stands for. */
const DEFINED_REDIRECTS = [300, 301, 302, 303, 304, 305, 306, 307, 308];

/** The 3xx statuses a call returns as its result; empty when it follows them. */
export function redirectResults(op: Operation): number[] {
  const statuses = resultResponses(op)
    .filter((response) => response.kind === "redirect")
    .map((response) => response.status.toUpperCase());
  if (statuses.includes("3XX")) return DEFINED_REDIRECTS;
  return statuses.map(Number).filter(Number.isInteger);
}
