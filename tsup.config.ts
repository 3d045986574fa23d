import { defineConfig } from "tsup";

// One build, several entries: subpath entries import the core through the package's own name
// ("nodefit"), marked external, so a bundle never holds two copies of the core.
// The core's two subpaths, nodefit and nodefit/advanced, are built together with code splitting: they share
// their modules through chunks, so a class (Requirements, InstanceTypeIndex) has one identity whichever
// subpath it came from. The other entries reach the core through "nodefit" and are built without splitting.
const library = {
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: false,
  target: "node20",
  treeshake: true,
  external: ["nodefit", "nodefit/advanced", "fast-check"],
} as const;

export default defineConfig([
  {
    ...library,
    entry: { index: "src/index.ts", "advanced/index": "src/advanced.ts" },
    clean: true,
    splitting: true,
  },
  {
    ...library,
    entry: {
      "kubernetes/index": "src/kubernetes/index.ts",
      "aws/index": "src/adapters/aws/index.ts",
      "azure/index": "src/adapters/azure/index.ts",
      "gcp/index": "src/adapters/gcp/index.ts",
      "testing/index": "src/testing/index.ts",
      "worker/index": "src/worker/index.ts",
      // Not an export: the file nodefit/worker starts as a worker thread (thread.js or thread.cjs beside it).
      "worker/thread": "src/worker/thread.ts",
    },
    clean: false,
    splitting: false,
    // import.meta.url in the CJS build of nodefit/worker (to find its thread file).
    shims: true,
  },
  {
    entry: { "cli/main": "src/cli/bin.ts" },
    format: ["esm"],
    clean: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    external: ["nodefit", "nodefit/advanced", "nodefit/kubernetes", "nodefit/aws", "nodefit/azure", "nodefit/gcp"],
  },
]);
