import { defineConfig } from "tsup";

// One build, several entries: subpath entries import the core through the package's own name
// ("nodefit"), marked external, so a bundle never holds two copies of the core.
export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      "kubernetes/index": "src/kubernetes/index.ts",
      "aws/index": "src/adapters/aws/index.ts",
      "azure/index": "src/adapters/azure/index.ts",
      "gcp/index": "src/adapters/gcp/index.ts",
      "testing/index": "src/testing/index.ts",
      "worker/index": "src/worker/index.ts",
      // Not an export: the file nodefit/worker starts as a worker thread (thread.js or thread.cjs beside it).
      "worker/thread": "src/worker/thread.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: false,
    target: "node20",
    splitting: false,
    treeshake: true,
    // import.meta.url in the CJS build of nodefit/worker (to find its thread file).
    shims: true,
    external: ["nodefit", "fast-check"],
  },
  {
    entry: { "cli/main": "src/cli/bin.ts" },
    format: ["esm"],
    clean: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    external: ["nodefit", "nodefit/kubernetes", "nodefit/aws", "nodefit/azure", "nodefit/gcp"],
  },
]);
