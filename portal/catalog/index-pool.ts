import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { SpecLoadError } from "../../generator/load/index.js";
import type { IndexRecord } from "./index-record.js";
import type { TransportedError, WorkerAnswer } from "./index-worker.js";
import type { IndexRequest } from "./read-spec.js";

const WORKER_SOURCE = new URL("./index-worker.ts", import.meta.url);
/**
 * A worker that has read a spec this large (source bytes) is replaced: V8 keeps the heap it grew to, and Microsoft
 * Graph's 20 MB read just before Graph beta's 47 MB took the indexing peak from 0.86 to 1.29 GB.
 */
const RECYCLE_AFTER_BYTES = 8 * 1024 * 1024;
/**
 * A spec this large (its root file's bytes) is indexed alone, in a fresh worker with no other alive: Microsoft Graph
 * (20 MB) and Graph beta (47 MB) sort next to each other, and the two workers' heaps grown for both at once were the
 * peak of a whole-corpus cold start (each alone: 0.5 and 0.9 GB); an idle worker beside it still held its heap.
 */
const ALONE_ABOVE_BYTES = 8 * 1024 * 1024;

/**
 * Worker threads that index specs off the portal's event loop: linting Microsoft Graph beta takes 25 s of one core,
 * which on the main thread would stall every page and search for as long. At most two (and one core left to the
 * server), started on first use and stopped when a refresh ends, so an idle portal holds no second heap.
 */
export class IndexPool {
  private readonly size: number;
  private readonly workers: PoolWorker[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 0;
  private readonly recycleAfterBytes: number;
  private readonly aloneAboveBytes: number;
  /** Workers started so far (a retired or lost one is replaced by a new one). */
  started = 0;

  constructor(
    size = Math.min(2, Math.max(1, availableParallelism() - 1)),
    recycleAfterBytes = RECYCLE_AFTER_BYTES,
    aloneAboveBytes = ALONE_ABOVE_BYTES,
  ) {
    this.size = size;
    this.recycleAfterBytes = recycleAfterBytes;
    this.aloneAboveBytes = aloneAboveBytes;
  }

  /**
   * Whether workers can run here: they load the TypeScript sources through tsx, as a checkout runs them. An installed
   * package (one bundle, no sources) indexes on the main thread instead, as does SPECWRIGHT_INDEX_WORKERS=0 (what
   * bench/portal-scale.ts compares against).
   */
  static available(): boolean {
    if (process.env.SPECWRIGHT_INDEX_WORKERS === "0") return false;
    return existsSync(fileURLToPath(WORKER_SOURCE)) && tsxLoader() !== undefined;
  }

  index(request: IndexRequest): Promise<{ record: IndexRecord; files: string[] }> {
    return new Promise((resolve, reject) => {
      const alone = sizeOf(request.file) > this.aloneAboveBytes;
      this.waiting.push({ id: this.nextId++, request, alone, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the workers once their specs are answered; the next `index` starts them again. */
  close(): void {
    for (const worker of this.workers.splice(0)) void worker.thread.terminate();
  }

  private retire(worker: PoolWorker): void {
    const index = this.workers.indexOf(worker);
    if (index !== -1) this.workers.splice(index, 1);
    void worker.thread.terminate();
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const busy = this.workers.filter((candidate) => candidate.job);
      // A large spec waits for the others to finish, and nothing starts beside it.
      if (busy.some((candidate) => candidate.job!.alone) || (this.waiting[0]!.alone && busy.length > 0)) return;
      // ...in a fresh worker, the only one: an idle worker keeps the heap its earlier specs grew.
      if (this.waiting[0]!.alone) for (const idle of [...this.workers]) this.retire(idle);
      let worker = this.workers.find((candidate) => !candidate.job);
      if (!worker && this.workers.length < this.size) worker = this.start();
      if (!worker) return;
      const job = this.waiting.shift()!;
      worker.job = job;
      try {
        worker.thread.postMessage({ id: job.id, request: job.request });
      } catch (error) {
        // A request that cannot be copied to a thread (a config holding functions): the caller indexes it itself.
        worker.job = undefined;
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  private start(): PoolWorker {
    const thread = new Worker(bootstrap(tsxLoader()!, WORKER_SOURCE.href), { eval: true });
    const worker: PoolWorker = { thread, job: undefined };
    this.started += 1;
    thread.on("message", (answer: WorkerAnswer) => {
      const job = worker.job;
      if (!job || job.id !== answer.id) return;
      worker.job = undefined;
      if (answer.ok) job.resolve({ record: answer.record, files: answer.files });
      else job.reject(revive(answer.error));
      if (answer.ok && answer.bytes > this.recycleAfterBytes) this.retire(worker);
      this.dispatch();
    });
    // A worker that dies (out of memory on a huge spec) fails its spec only; the next spec gets a new worker.
    const lost = (why: string) => {
      const index = this.workers.indexOf(worker);
      if (index === -1) return;
      this.workers.splice(index, 1);
      worker.job?.reject(new Error(`the indexing worker stopped (${why})`));
      worker.job = undefined;
      this.dispatch();
    };
    thread.on("error", (error) => lost(error.message));
    thread.on("exit", (code) => lost(`exit code ${code}`));
    this.workers.push(worker);
    return worker;
  }
}

interface Job {
  id: number;
  request: IndexRequest;
  alone: boolean;
  resolve: (result: { record: IndexRecord; files: string[] }) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  thread: Worker;
  job: Job | undefined;
}

/** 0 for a file that cannot be read: the worker reports why. */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The worker's first module: tsx's loader hooks, then the worker. */
function bootstrap(loader: string, worker: string): string {
  return `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
}

let loaderUrl: string | null | undefined;
function tsxLoader(): string | undefined {
  if (loaderUrl === undefined) {
    try {
      // The ES module build of tsx's API (`require.resolve` gives the CommonJS one beside it).
      const path = createRequire(import.meta.url)
        .resolve("tsx/esm/api")
        .replace(/\.cjs$/, ".mjs");
      loaderUrl = existsSync(path) ? pathToFileURL(path).href : null;
    } catch {
      loaderUrl = null;
    }
  }
  return loaderUrl ?? undefined;
}

function revive(error: TransportedError): Error {
  return error.load ? new SpecLoadError({ message: error.message, ...error.load }) : new Error(error.message);
}
