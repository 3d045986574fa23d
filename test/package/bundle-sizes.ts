// `npm run sizes`: what each public subpath costs a consumer's bundle, measured on the build in dist/ with
// esbuild (tsup's bundler): every export of a subpath, and the tree-shaken entry points people import.
// `--zod-namespace` also measures nodefit/kubernetes as it would be with `import * as z from "zod"` (zod 4's
// namespace import lets bundlers drop the parts of zod nodefit does not use). Results go in docs/package.md.
import { build, type Plugin } from "esbuild";
import { readFileSync } from "node:fs";
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

// Rewrites the built kubernetes entry's zod import to the namespace form, to measure that form.
const zodNamespace: Plugin = {
  name: "zod-namespace",
  setup(b) {
    b.onLoad({ filter: /dist[\\/]kubernetes[\\/]index\.js$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replace(/import \{ z \} from ['"]zod['"];/, 'import * as z from "zod";'),
      loader: "js",
    }));
  },
};

async function size(source: string, plugins: Plugin[]): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    external: ["fast-check"],
    write: false,
    plugins,
    logLevel: "silent",
    // Not the repository's tsconfig: its paths map "nodefit" to the sources; a consumer gets dist/.
    tsconfigRaw: "{}",
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: bytes.length, gzip: gzipSync(bytes).length };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const withNamespace = process.argv.includes("--zod-namespace");
const rows = ["| bundle | minified | gzip |" + (withNamespace ? " minified with `import * as z` | gzip with `import * as z` |" : ""), withNamespace ? "|---|---|---|---|---|" : "|---|---|---|"];
for (const [name, source] of CASES) {
  const plain = await size(source, []);
  let line = `| ${name} | ${kb(plain.min)} | ${kb(plain.gzip)} |`;
  if (withNamespace) {
    const ns = await size(source, [zodNamespace]);
    line += ` ${kb(ns.min)} | ${kb(ns.gzip)} |`;
  }
  rows.push(line);
}
process.stdout.write(`${rows.join("\n")}\n`);
