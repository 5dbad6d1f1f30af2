import type { Request, Response } from "express";
import type { SpecCatalog } from "./catalog/catalog.js";

/** Server-sent events telling open pages the catalog generation, so they reload after a spec edit. */
export class LiveEvents {
  private readonly clients = new Set<Response>();
  private readonly onChange = () => this.broadcast();

  constructor(private readonly catalog: SpecCatalog) {
    catalog.on("change", this.onChange);
  }

  subscribe(req: Request, res: Response): void {
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", Connection: "keep-alive" });
    res.write(`data: ${this.catalog.generation}\n\n`);
    this.clients.add(res);
    req.on("close", () => this.clients.delete(res));
  }

  close(): void {
    this.catalog.off("change", this.onChange);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private broadcast(): void {
    for (const client of this.clients) client.write(`data: ${this.catalog.generation}\n\n`);
  }
}
