// Writes specs.txt: the CI sample, a seeded draw of 150 corpus specs (fast-check's generator with a fixed seed,
// so the draw is the same on every machine), each with swagger-parser's verdict (the reference: a spec it validates
// must load, generate and type-check). Recorded here so that CI does not pay for swagger-parser on every run.
// Rerun only when the corpus package or swagger-parser changes:  node bin/run-ts.js test/corpus-sample/pick.ts
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import fc from "fast-check";
import { listCorpusSpecs, REPO_ROOT } from "../corpus/corpus-specs.js";

const SAMPLE_SIZE = 150;
const SEED = 20261122;

const specs = listCorpusSpecs();
const [draw] = fc.sample(fc.shuffledSubarray(specs, { minLength: SAMPLE_SIZE, maxLength: SAMPLE_SIZE }), {
  seed: SEED,
  numRuns: 1,
});
const lines: string[] = [];
for (const spec of [...draw!].sort()) {
  const valid = await SwaggerParser.validate(resolve(REPO_ROOT, spec)).then(
    () => true,
    () => false,
  );
  lines.push(`${spec}\t${valid ? "valid" : "invalid"}`);
}
writeFileSync(
  fileURLToPath(new URL("specs.txt", import.meta.url)),
  `# ${SAMPLE_SIZE} of ${specs.length} corpus specs (seed ${SEED}) and swagger-parser's verdict; written by pick.ts\n${lines.join("\n")}\n`,
);
console.log(
  `wrote ${lines.length} of ${specs.length} specs, ${lines.filter((l) => l.endsWith("\tvalid")).length} valid`,
);
