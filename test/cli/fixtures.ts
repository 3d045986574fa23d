import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** An example folder by name. */
export const example = (name: string): string => new URL(`../../examples/${name}`, import.meta.url).pathname;

/**
 * A copy of an example folder with each file's text changed by `edit`, in a fresh temporary folder.
 *
 * @param name - the example
 * @param edit - turns a file's text (and name) into the copy's text
 * @returns the copy's path
 */
export function editedExample(name: string, edit: (text: string, file: string) => string = (t) => t): string {
  const dir = mkdtempSync(join(tmpdir(), `nodefit-${name}-`));
  for (const file of readdirSync(example(name)).filter((f) => f.endsWith(".yaml"))) {
    writeFileSync(join(dir, file), edit(readFileSync(join(example(name), file), "utf8"), file));
  }
  return dir;
}

/**
 * Every YAML document of an example folder, in one file, in the order `order` gives.
 *
 * @param name - the example
 * @param order - reorders the documents
 * @returns the file's path
 */
export function exampleAsOneFile(name: string, order: (docs: string[]) => string[]): string {
  const docs = readdirSync(example(name))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((f) => readFileSync(join(example(name), f), "utf8").split(/^---$/m))
    .filter((d) => /\bkind:/.test(d));
  const dir = mkdtempSync(join(tmpdir(), `nodefit-${name}-`));
  const file = join(dir, "all.yaml");
  writeFileSync(file, order(docs).join("\n---\n"));
  return file;
}

/**
 * examples/inflate with a NodePool that asks only for amd64, so every provider's catalogue can serve it.
 *
 * @returns the copy's path
 */
export function portableInflate(): string {
  return editedExample("inflate", (text, file) =>
    file === "nodepool.yaml"
      ? text.replace(
          /requirements:[\s\S]*?nodeClassRef:/,
          "requirements:\n        - { key: kubernetes.io/arch, operator: In, values: [amd64] }\n      nodeClassRef:",
        )
      : text,
  );
}
