import type { RequestHandler } from "express";
import type { LoadedSpec } from "../catalog/loaded-spec.js";
import { exampleMockRouter } from "./example-mock.js";

/** The mock of one loaded API version (mounted at /mock/{api}/v{N}), and how to let go of what it holds. */
export interface MockBackend {
  handler: RequestHandler;
  /** Frees what the mock holds outside memory (its generated folder); called once it is no longer served. */
  release?(): Promise<void>;
}

export type MockFactory = (loaded: LoadedSpec, key: string) => Promise<MockBackend>;

export const exampleMockFactory: MockFactory = async (loaded) => ({ handler: exampleMockRouter(loaded.bundled) });

/**
 * One mock per load of each spec, built on first use. When the preferred factory (the generated server's mock
 * handlers) fails for a spec, that spec falls back to the example-based mock and says so once. A load that is no
 * longer served (the spec was edited or removed) has its mock dropped and released by `retainOnly`.
 */
export class MockBackends {
  private readonly built = new Map<LoadedSpec, Promise<MockBackend>>();

  constructor(
    private readonly factory: MockFactory = exampleMockFactory,
    private readonly warn: (message: string) => void = (message) => process.stderr.write(message + "\n"),
  ) {}

  async handlerFor(loaded: LoadedSpec, key: string): Promise<RequestHandler> {
    let backend = this.built.get(loaded);
    if (!backend) {
      backend = this.factory(loaded, key).catch((error: unknown) => {
        if (this.factory !== exampleMockFactory)
          this.warn(
            `mock ${key}: generated mock unavailable (${error instanceof Error ? error.message : String(error)}); answering from examples`,
          );
        return exampleMockFactory(loaded, key);
      });
      this.built.set(loaded, backend);
    }
    return (await backend).handler;
  }

  /**
   * Keeps the mocks of the loads still served and drops every other: no reference to its handler (or the code
   * behind it) is left, and its resources are released. A request already inside an old mock finishes there.
   */
  async retainOnly(live: Iterable<LoadedSpec>): Promise<void> {
    const keep = new Set(live);
    const dropped: Promise<MockBackend>[] = [];
    for (const [loaded, backend] of this.built) {
      if (keep.has(loaded)) continue;
      this.built.delete(loaded);
      dropped.push(backend);
    }
    await Promise.all(dropped.map(async (backend) => (await backend).release?.()));
  }
}
