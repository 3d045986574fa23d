import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (p: string): string => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

// Tests run against the sources; "nodefit" and its subpaths resolve to them, as they resolve
// to the built package for users.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^nodefit$/, replacement: src("index.ts") },
      { find: /^nodefit\/advanced$/, replacement: src("advanced.ts") },
      { find: /^nodefit\/kubernetes$/, replacement: src("kubernetes/index.ts") },
      { find: /^nodefit\/aws$/, replacement: src("adapters/aws/index.ts") },
      { find: /^nodefit\/azure$/, replacement: src("adapters/azure/index.ts") },
      { find: /^nodefit\/gcp$/, replacement: src("adapters/gcp/index.ts") },
      { find: /^nodefit\/testing$/, replacement: src("testing/index.ts") },
    ],
  },
  test: {
    reporters: process.env["NODEFIT_REPORT"] ? ["default", "json"] : ["default"],
    outputFile: { json: ".vitest-report.json" },
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/exports/**", "node_modules/**", "dist/**"],
    testTimeout: 60_000,
  },
});
