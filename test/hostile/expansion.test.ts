/**
 * Issue 18: inputs that are small to write but huge once expanded end in bounded work with a message
 * naming the file and the limit: YAML aliases, many anchors, objects shared many times, sparse lists.
 * Each case is the smallest input that showed the problem; work is bounded by the limits, not timed.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_DOCUMENT_VALUES, MAX_YAML_ALIASES, loadManifests, parseManifests, safeFromKubernetes, type KubernetesDocument } from "nodefit/kubernetes";

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect((error as { code?: unknown }).code).toBe("invalid-input");
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

/** A ConfigMap whose `data` refers `references` times to one anchored list of `items` numbers. */
function aliasedList(items: number, references: number): string {
  const list = Array.from({ length: items }, (_, i) => i).join(",");
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\nlist: &a [${list}]\ndata:\n${"  - *a\n".repeat(references)}`;
}

describe("YAML aliases are paid for what they expand to", () => {
  it("one anchored list referenced 999 times (93 KB once took 9.4 s and 934 MB) is refused by MAX_DOCUMENT_VALUES", () => {
    const text = aliasedList(20_000, 999);
    expect(text.length).toBeLessThan(120_000);
    expect(refusal(() => parseManifests(text, "aliases.yaml"))).toMatch(
      /^aliases\.yaml: document 1: data\[\d+\]: a list of 20,000 items brings the document past 1,000,000 values \(MAX_DOCUMENT_VALUES\)$/,
    );
  });

  it("a few aliases of a small anchor, as people write them, still load", () => {
    expect(parseManifests(aliasedList(10, 20), "ok.yaml")[0]?.object).toMatchObject({ data: Array.from({ length: 20 }, () => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) });
  });

  it("nested aliases (a billion laughs) are refused before they expand", () => {
    let text = "apiVersion: v1\nkind: ConfigMap\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (let i = 1; i < 10; i++) text += `a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(", ")}]\n`;
    expect(refusal(() => parseManifests(text, "laughs.yaml"))).toMatch(/^laughs\.yaml: document 1: /);
  });

  it(`more than MAX_YAML_ALIASES anchors and aliases are refused before any is resolved (resolving is quadratic: 20,000 took 9 s)`, () => {
    const pairs = (n: number): string => Array.from({ length: n }, (_, i) => `  - &a${i} x\n  - *a${i}\n`).join("");
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n${pairs(MAX_YAML_ALIASES / 2 + 1)}`;
    expect(refusal(() => parseManifests(text, "anchors.yaml"))).toBe(
      "anchors.yaml: document 1: holds more than 1,000 YAML anchors and aliases (MAX_YAML_ALIASES)",
    );
    expect(parseManifests(`apiVersion: v1\nkind: ConfigMap\ndata:\n${pairs(MAX_YAML_ALIASES / 2)}`, "ok.yaml")).toHaveLength(1);
  });
});

describe("objects from callers are bounded the same way", () => {
  const docs = (object: unknown): KubernetesDocument[] => [{ object, file: "api", index: 1 }];
  const message = (object: unknown): string => {
    const result = safeFromKubernetes(docs(object));
    return result.ok ? "(loaded)" : result.error.message;
  };

  it("a sparse list of length 2**32-1 (once a fatal V8 error after 39 s) is refused by its length, before any slot is read", () => {
    const items: unknown[] = [];
    items.length = 2 ** 32 - 1;
    let reads = 0;
    const watched = new Proxy(items, {
      get: (target, key, receiver) => (typeof key === "string" && /^\d+$/.test(key) ? ++reads : Reflect.get(target, key, receiver)),
    });
    expect(message({ apiVersion: "v1", kind: "List", items: watched })).toBe(
      "api: document 1 (List): items: a list of 4,294,967,295 items brings the document past 1,000,000 values (MAX_DOCUMENT_VALUES)",
    );
    expect(reads).toBe(0);
  });

  it("one object shared 2^30 times through 30 levels of pairs (a DAG) is refused, not copied forever", () => {
    let shared: unknown = { leaf: "x" };
    for (let i = 0; i < 30; i++) shared = { left: shared, right: shared };
    expect(message({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: shared })).toMatch(
      /^api: document 1 \(ConfigMap\): data(\.(left|right))+(\.leaf)?: the document holds more than 1,000,000 values, counting each YAML alias or repeated object as a copy \(MAX_DOCUMENT_VALUES\)$/,
    );
  });

  it("exactly MAX_DOCUMENT_VALUES values load", () => {
    // The document object, apiVersion, kind, the list: 4 values; the list's items fill the rest.
    const items = new Array<number>(MAX_DOCUMENT_VALUES - 4).fill(0);
    expect(message({ apiVersion: "v1", kind: "ConfigMap", list: items })).toBe("(loaded)");
    expect(message({ apiVersion: "v1", kind: "ConfigMap", list: [...items, 0] })).toMatch(/\(MAX_DOCUMENT_VALUES\)$/);
  });
});

describe("many documents in one file", () => {
  const folder = mkdtempSync(join(tmpdir(), "nodefit-expansion-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("130,000 documents in one file load (once: Maximum call stack size exceeded, every document spread into one push)", async () => {
    const file = join(folder, "many.yaml");
    // The smallest document there is: the loader's own work, not YAML parsing, is under test.
    writeFileSync(file, "x\n---\n".repeat(130_000));
    expect(await loadManifests([file])).toHaveLength(130_000);
  });
});
