import { defineConfig } from "vitest/config";

// Checks the built package as users get it: no aliases, "nodefit" resolves through package.json exports.
export default defineConfig({
  test: {
    reporters: process.env["NODEFIT_REPORT"] ? ["default", "json"] : ["default"],
    outputFile: { json: ".vitest-report-exports.json" },
    include: ["test/exports/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
