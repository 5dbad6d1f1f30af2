import type { Response } from "express";

/** An RFC 9457 problem, as the portal's own mock answers (unknown route or API, undocumented method). */
export function sendProblem(res: Response, status: number, title: string, detail: string): void {
  res
    .status(status)
    .type("application/problem+json")
    .send(JSON.stringify({ type: "about:blank", title, status, detail }));
}
