/**
 * Where `portal build` writes a site before moving it into place: beside the output folder, named by the process
 * that writes it, so that a parent which saw that process stop (generator/cli/heap-bound.ts) can remove what it left.
 */
export function tempSitePrefix(outDir: string, pid: number): string {
  return `${outDir}.tmp-${pid}-`;
}

export function tempSiteDir(outDir: string): string {
  return `${tempSitePrefix(outDir, process.pid)}${Date.now()}`;
}
