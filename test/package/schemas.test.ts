import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { runCli } from "../cli/run-cli.js";
import { editedExample, example } from "../cli/fixtures.js";
import { validate } from "./json-schema.js";

// The published JSON Schemas (docs/schemas) hold for what nodefit really prints and reads.
const SCHEMAS = new URL("../../docs/schemas/", import.meta.url);
const schema = (file: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(file, SCHEMAS), "utf8")) as Record<string, unknown>;
const EXAMPLES = ["inflate", "mixed", "consolidation"];
const NOW = ["--now", "2026-06-01T12:00:00Z"];

describe("JSON Schemas", () => {
  it("each has a versioned $id that matches its file name", () => {
    for (const file of readdirSync(SCHEMAS)) {
      expect(file).toMatch(/\.v\d+(alpha\d+|beta\d+)?\.json$/);
      expect(schema(file)["$id"]).toBe(`https://nodefit.dev/schemas/${file}`);
    }
  });

  it("the validator finds missing, extra and mistyped fields", () => {
    const s = schema("schedule-output.v1.json");
    expect(
      validate(s, { nodeClaims: [], existingNodes: [], unschedulable: [], summary: { pods: 0, scheduled: 0, newNodeClaims: 0, newHourlyCost: 0 } }),
    ).toEqual([]);
    expect(validate(s, { nodeClaims: [], existingNodes: [], unschedulable: [{ pod: "a", code: 1, message: "m" }], summary: {}, extra: 1 })).toEqual([
      "$.unschedulable[0].code: expected string, got integer",
      "$.summary: missing pods",
      "$.summary: missing scheduled",
      "$.summary: missing newNodeClaims",
      "$.summary: missing newHourlyCost",
      "$: unexpected property extra",
    ]);
  });

  it("InstanceTypeCatalog: what `catalog` prints for every provider, and the example catalogue", async () => {
    const s = schema("instance-type-catalog.v1alpha1.json");
    for (const provider of ["aws", "azure", "gcp"]) {
      expect(validate(s, JSON.parse((await runCli("catalog", "-p", provider, "-o", "json")).stdout)), provider).toEqual([]);
    }
    for (const doc of parseAllDocuments(readFileSync(`${example("mixed")}/catalog.yaml`, "utf8"))) expect(validate(s, doc.toJS())).toEqual([]);
  });

  it("schedule -o json on every example", async () => {
    for (const name of EXAMPLES)
      expect(validate(schema("schedule-output.v1.json"), JSON.parse((await runCli("schedule", example(name), "-o", "json")).stdout)), name).toEqual([]);
  });

  it("consolidate -o json on every example", async () => {
    for (const name of EXAMPLES) {
      const run = await runCli("consolidate", example(name), ...NOW, "-o", "json");
      expect(validate(schema("consolidation-output.v1.json"), JSON.parse(run.stdout)), name).toEqual([]);
    }
  });

  it("diff -o json on the examples, with and without consolidation", async () => {
    const big = editedExample("inflate", (text) => text.replace("replicas: 8", "replicas: 40"));
    for (const args of [
      [example("inflate"), big],
      [example("inflate"), example("mixed")],
      [example("consolidation"), example("consolidation"), "--consolidate", ...NOW],
    ]) {
      const out = JSON.parse((await runCli("diff", ...args, "-o", "json")).stdout) as unknown;
      expect(validate(schema("diff-output.v1alpha1.json"), out), args.join(" ")).toEqual([]);
    }
  });
});
