// Writes specs.txt: the CI sample of the conformance run, 40 corpus specs spread evenly over the sorted corpus from
// a seeded offset (test/conformance/sample.ts, the same draw as `npm run conformance -- --sample 40 --seed 20261201`),
// each with swagger-parser's verdict. GitHub and Stripe are left to the full run: generating either takes longer
// than CI gives this test. Rerun only when the corpus package or swagger-parser changes:
//   node bin/run-ts.js test/conformance-sample/pick.ts
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import { listCorpusSpecs, REPO_ROOT } from "../corpus/corpus-specs.js";
import { evenSample } from "../conformance/sample.js";

export const SAMPLE_SIZE = 40;
export const SEED = 20261201;

const specs = listCorpusSpecs();
const lines: string[] = [];
for (const spec of evenSample(specs, SAMPLE_SIZE, SEED)) {
  const valid = await SwaggerParser.validate(resolve(REPO_ROOT, spec)).then(
    () => true,
    () => false,
  );
  lines.push(`${spec}\t${valid ? "valid" : "invalid"}`);
}
writeFileSync(
  fileURLToPath(new URL("specs.txt", import.meta.url)),
  `# ${SAMPLE_SIZE} of ${specs.length} corpus specs (even sample, seed ${SEED}) and swagger-parser's verdict; written by pick.ts\n${lines.join("\n")}\n`,
);
console.log(
  `wrote ${lines.length} of ${specs.length} specs, ${lines.filter((l) => l.endsWith("\tvalid")).length} valid`,
);
