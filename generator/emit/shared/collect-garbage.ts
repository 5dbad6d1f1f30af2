// A full garbage collection between the stages of a large generation. V8 collects lazily and grows its heap by up to
// 4x the live size between collections, so on Microsoft Graph beta (47 MB) each stage's garbage (the types'
// syntax trees, the views, a 100 MB client.ts assembled from millions of pieces) piled up over the next stage's:
// 1.9 GB peak RSS for ~0.7 GB live. Collecting at the boundaries keeps the peak near the live size plus one stage.
// `--expose-gc` after start-up, and `gc` from a fresh context, is how Jest's --logHeapUsage reaches it too.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Below this much heap a collection saves nothing worth its pause (every example spec stays under it). */
const WORTH_COLLECTING_BYTES = 256 * 1024 * 1024;

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (process.memoryUsage().heapUsed < WORTH_COLLECTING_BYTES) return;
  if (gc === undefined) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}
