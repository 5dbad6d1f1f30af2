import { stat } from "node:fs/promises";

/** mtime and size of each file; a missing file is part of the print too, so deleting a $ref target triggers a reload. */
export async function fingerprintFiles(files: readonly string[]): Promise<string> {
  const parts = await Promise.all(
    files.map(async (file) => {
      const info = await stat(file).catch(() => undefined);
      return info ? `${file}:${info.mtimeMs}:${info.size}` : `${file}:missing`;
    }),
  );
  return parts.join("\n");
}
