import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startPortal, type PortalOptions, type RunningPortal } from "../../portal/server.js";

export const REPO_SPECS = resolve(import.meta.dirname, "../../specs");

/** A private copy of the example specs, so tests can edit and break files freely. */
export async function copyOfSpecs(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "specwright-portal-"));
  const dir = join(root, "specs");
  await cp(REPO_SPECS, dir, { recursive: true });
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export async function emptySpecsDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "specwright-portal-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The portal on an ephemeral loopback port. */
export function startTestPortal(specsDir: string, options: Partial<PortalOptions> = {}): Promise<RunningPortal> {
  return startPortal({ specsDir, port: 0, host: "127.0.0.1", watch: false, ...options });
}

/** Polls until `check` passes; for state that changes asynchronously (file watching), never a timing assertion. */
export async function eventually<T>(check: () => Promise<T>, what: string, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${what} did not happen: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}
