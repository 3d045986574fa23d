// `npm run sizes`: what each public subpath costs a consumer's bundle, measured on the build in dist/ with
// esbuild (tsup's bundler): every export of a subpath, and the tree-shaken entry points people import.
// Results go in docs/package.md.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";

const root = new URL("../../", import.meta.url).pathname;

const CASES: readonly (readonly [string, string])[] = [
  ["nodefit (everything)", `export * from "nodefit";`],
  ["nodefit: schedule only", `export { schedule } from "nodefit";`],
  ["nodefit: planConsolidation only", `export { planConsolidation } from "nodefit";`],
  ["nodefit/advanced (everything)", `export * from "nodefit/advanced";`],
  ["nodefit and nodefit/advanced (everything)", `export * from "nodefit"; export * from "nodefit/advanced";`],
  ["nodefit/kubernetes (everything)", `export * from "nodefit/kubernetes";`],
  ["nodefit/kubernetes: fromKubernetes only", `export { fromKubernetes } from "nodefit/kubernetes";`],
  ["nodefit/aws (everything)", `export * from "nodefit/aws";`],
  ["nodefit/aws: defaultAwsCatalog only", `export { defaultAwsCatalog } from "nodefit/aws";`],
  ["nodefit/azure (everything)", `export * from "nodefit/azure";`],
  ["nodefit/gcp (everything)", `export * from "nodefit/gcp";`],
  ["nodefit/testing (everything, without fast-check)", `export * from "nodefit/testing";`],
];

async function size(source: string): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    external: ["fast-check"],
    write: false,
    logLevel: "silent",
    // Not the repository's tsconfig: its paths map "nodefit" to the sources; a consumer gets dist/.
    tsconfigRaw: "{}",
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: bytes.length, gzip: gzipSync(bytes).length };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const rows = ["| bundle | minified | gzip |", "|---|---|---|"];
for (const [name, source] of CASES) {
  const { min, gzip } = await size(source);
  rows.push(`| ${name} | ${kb(min)} | ${kb(gzip)} |`);
}
process.stdout.write(`${rows.join("\n")}\n`);
