// A worker thread of the catalog's indexing pool (index-pool.ts): it reads, parses and lints one spec per message,
// so a cold index of thousands of specs leaves the portal's event loop free to answer pages and searches.
import { parentPort } from "node:worker_threads";
import { SpecLoadError } from "../../generator/load/index.js";
import { indexSpec, type IndexRequest } from "./read-spec.js";

export type WorkerAnswer =
  | ({ id: number; ok: true } & Awaited<ReturnType<typeof indexSpec>>)
  | { id: number; ok: false; error: TransportedError };

/** An error as it crosses to the main thread, where a SpecLoadError is made again (its place and fix kept). */
export interface TransportedError {
  message: string;
  load?: { file: string; line: number; column: number; fix: string };
}

parentPort?.on("message", async ({ id, request }: { id: number; request: IndexRequest }) => {
  let answer: WorkerAnswer;
  try {
    answer = { id, ok: true, ...(await indexSpec(request)) };
  } catch (error) {
    const load =
      error instanceof SpecLoadError
        ? { file: error.file, line: error.line, column: error.column, fix: error.fix }
        : undefined;
    answer = { id, ok: false, error: { message: error instanceof Error ? error.message : String(error), load } };
  }
  parentPort?.postMessage(answer);
});
