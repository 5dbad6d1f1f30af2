import { defineConfig } from "vitest/config";

// Four projects, one command each; `npm test` runs them all.
//   unit     the engines in-process: facts, load, lint, config, model, diff, formatters (npm run test:unit, well under 60 s)
//   e2e      generated code for real: generate, type-check, run servers, call them with clients; the CLI as a process
//   browser  headless Chromium (Debian's chromium through playwright-core): portal pages, /docs, TanStack, redirects
//   corpus   fixed samples of real specs nobody here wrote: corpus generation and the conformance round trip
const BROWSER = "test/**/browser*.test.ts";
const CORPUS = ["test/corpus-sample/**/*.test.ts", "test/conformance-sample/**/*.test.ts"];
const UNIT = ["facts", "conventions", "config", "load", "model", "diff", "formatters"].map(
  (dir) => `test/${dir}/**/*.test.ts`,
);

export default defineConfig({
  test: {
    // Generation + tsc end-to-end tests are slow on 2 cores; a generous timeout avoids flaky CI, speed is measured in bench/.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: UNIT, exclude: [BROWSER] } },
      { extends: true, test: { name: "e2e", include: ["test/**/*.test.ts"], exclude: [...UNIT, ...CORPUS, BROWSER] } },
      { extends: true, test: { name: "browser", include: [BROWSER] } },
      { extends: true, test: { name: "corpus", include: CORPUS } },
    ],
  },
});
