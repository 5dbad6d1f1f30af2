// An even seeded sample: `size` specs spread evenly over the sorted list, starting from an offset the seed picks,
// so each vendor is represented in proportion and the same seed gives the same specs on every machine.
export function evenSample<T>(items: readonly T[], size: number, seed: number): T[] {
  if (size >= items.length) return [...items];
  const step = items.length / size;
  const offset = seededFraction(seed) * step;
  return Array.from({ length: size }, (_, i) => items[Math.floor(offset + i * step)]!);
}

/** A fraction in [0, 1) from the seed (mulberry32's first output): stable across platforms. */
function seededFraction(seed: number): number {
  let t = (seed + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
