// Output is all-or-nothing: files are written to a sibling temporary folder, which then replaces the target.
// A crash or error mid-way never leaves a half-written output folder.
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";

/** Writes `files` (relative path -> content) as the complete content of `outDir`, replacing what was there. */
export async function writeOutputDir(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const target = resolve(outDir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(parent, `.${basename(target)}.specwright-${suffix}`);
  const previous = join(parent, `.${basename(target)}.previous-${suffix}`);
  try {
    for (const [relative, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const file = resolve(staging, relative);
      if (!file.startsWith(staging + sep)) throw new Error(`refusing to write outside the output folder: ${relative}`);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    const hadPrevious = await rename(target, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );
    await rename(staging, target);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
