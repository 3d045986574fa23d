#!/usr/bin/env node
// The `nodefit` command. An installed package runs its build (dist/, made by `prepack`). A clone of the
// repository has the sources and tsx (a dev dependency) but no build until `npm run build`, so it runs the
// sources, which are never stale: `npm install && npx nodefit schedule examples/inflate` works on a fresh clone.
import { existsSync } from "node:fs";

const source = new URL("../src/cli/bin.ts", import.meta.url);
const built = new URL("../dist/cli/main.js", import.meta.url);

async function tsx() {
  try {
    return await import("tsx/esm/api");
  } catch {
    return undefined;
  }
}

const api = existsSync(source) ? await tsx() : undefined;
if (api !== undefined) {
  api.register({ tsconfig: new URL("../tsconfig.json", import.meta.url).pathname });
  await import(source.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write("nodefit: this copy is neither built nor runnable from source; run `npm install` (with dev dependencies) or `npm run build`\n");
  process.exitCode = 70;
}
