// Writes specs.txt: the CI sample, a seeded draw of 150 corpus specs (fast-check's generator with a fixed seed,
// so the draw is the same on every machine). Rerun only when the corpus package changes:
//   node bin/run-ts.js test/corpus-sample/pick.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { listCorpusSpecs } from "../corpus/corpus-specs.js";

const SAMPLE_SIZE = 150;
const SEED = 20261122;

const specs = listCorpusSpecs();
const [draw] = fc.sample(fc.shuffledSubarray(specs, { minLength: SAMPLE_SIZE, maxLength: SAMPLE_SIZE }), { seed: SEED, numRuns: 1 });
const sample = [...draw!].sort();
writeFileSync(fileURLToPath(new URL("specs.txt", import.meta.url)), sample.join("\n") + "\n");
console.log(`wrote ${sample.length} of ${specs.length} specs`);
