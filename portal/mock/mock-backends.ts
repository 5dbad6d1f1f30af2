import type { RequestHandler } from "express";
import type { LoadedSpec } from "../catalog/spec-entry.js";
import { exampleMockRouter } from "./example-mock.js";

/** Builds the request handler that mocks one loaded API version (mounted at /mock/{api}/v{N}). */
export type MockFactory = (loaded: LoadedSpec, key: string) => Promise<RequestHandler>;

export const exampleMockFactory: MockFactory = async (loaded) => exampleMockRouter(loaded.bundled);

/**
 * One mock per load of each spec, built on first use. When the preferred factory (the generated server's mock
 * handlers) fails for a spec, that spec falls back to the example-based mock and says so once.
 */
export class MockBackends {
  private readonly built = new WeakMap<LoadedSpec, Promise<RequestHandler>>();

  constructor(
    private readonly factory: MockFactory = exampleMockFactory,
    private readonly warn: (message: string) => void = (message) => process.stderr.write(message + "\n"),
  ) {}

  handlerFor(loaded: LoadedSpec, key: string): Promise<RequestHandler> {
    let handler = this.built.get(loaded);
    if (!handler) {
      handler = this.factory(loaded, key).catch((error: unknown) => {
        if (this.factory !== exampleMockFactory) this.warn(`mock ${key}: generated mock unavailable (${error instanceof Error ? error.message : String(error)}); answering from examples`);
        return exampleMockFactory(loaded, key);
      });
      this.built.set(loaded, handler);
    }
    return handler;
  }
}
