// The resident memory of a process and every process below it, summed: a command that runs its work in a child
// (`portal build` under a heap bound) is measured whole, not by its largest process as GNU time's %M is.
import { readdirSync, readFileSync } from "node:fs";

/** Samples the tree under `rootPid` every `everyMs` until the returned function is called; it gives the peak in MB. */
export function sampleTreeRss(rootPid: number, everyMs = 250): () => number {
  let peakKb = 0;
  const sample = () => {
    peakKb = Math.max(peakKb, treeRssKb(rootPid));
  };
  const timer = setInterval(sample, everyMs);
  sample();
  return () => {
    clearInterval(timer);
    sample();
    return peakKb / 1024;
  };
}

function treeRssKb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readOrEmpty(`/proc/${name}/stat`);
    // The command name in parentheses may hold spaces: the fields after the last ")" are state, then ppid.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (!Number.isInteger(ppid)) continue;
    const siblings = children.get(ppid) ?? [];
    siblings.push(Number(name));
    children.set(ppid, siblings);
  }
  let total = 0;
  const pending = [rootPid];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    total += Number(/VmRSS:\s+(\d+)/.exec(readOrEmpty(`/proc/${pid}/status`))?.[1] ?? 0);
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    // The process ended between the listing and the read.
    return "";
  }
}
