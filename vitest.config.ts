import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generation + tsc end-to-end tests are slow on 2 cores; a generous timeout avoids flaky CI, speed is measured in bench/.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
