// The client's fetch, recorded: every request the generated client sends and the response it got (status, media
// type, body text), so the checks judge what went over the wire rather than what the client made of it.
export interface Exchange {
  method: string;
  url: string;
  status: number;
  contentType: string;
  text: string;
}

export class PageLimitReached extends Error {
  override name = "PageLimitReached";
}

export interface Recorder {
  fetch(request: Request): Promise<Response>;
  /** Starts a new recording; with `limit`, the request after the limit-th one throws PageLimitReached. */
  begin(limit?: number): Exchange[];
}

export function recorder(): Recorder {
  let current: Exchange[] = [];
  let limit = Infinity;
  return {
    async fetch(request) {
      if (current.length >= limit) throw new PageLimitReached(`more than ${limit} pages`);
      const response = await fetch(request);
      const text = await response.clone().text();
      current.push({
        method: request.method,
        url: request.url,
        status: response.status,
        contentType: response.headers.get("content-type") ?? "",
        text,
      });
      return response;
    },
    begin(max = Infinity) {
      current = [];
      limit = max;
      return current;
    },
  };
}

export function parseBody(exchange: Exchange): { json: true; value: unknown } | { json: false } {
  if (!/[/+]json\b/i.test(exchange.contentType) || exchange.text === "") return { json: false };
  try {
    return { json: true, value: JSON.parse(exchange.text) };
  } catch {
    return { json: false };
  }
}
