/** The README's "Limits and errors" table states the exported limits; this keeps it true. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as kubernetes from "nodefit/kubernetes";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const section = README.slice(README.indexOf("## Limits and errors"), README.indexOf("## Docs"));

/** The README's value for a limit, as a number (`1 MiB` → 1,048,576). */
function stated(name: string): number | undefined {
  const row = section.split("\n").find((line) => line.startsWith(`| \`${name}\``));
  const cell = row?.split("|")[2]?.trim() ?? "";
  if (cell === "1 MiB") return 1_048_576;
  const digits = /^[0-9,]+/.exec(cell)?.[0];
  return digits === undefined ? undefined : Number(digits.replaceAll(",", ""));
}

describe("README limits", () => {
  it.each([
    "MAX_PODS",
    "MAX_NODES",
    "MAX_INSTANCE_TYPES_IN_CATALOG",
    "MAX_DOCUMENT_DEPTH",
    "MAX_STRING_LENGTH",
    "MAX_QUANTITY_LENGTH",
    "MAX_DOCUMENT_VALUES",
    "MAX_YAML_ALIASES",
    "MAX_NODE_POOLS",
    "MAX_TOPOLOGY_SPREAD_WORK",
  ] as const)("%s", (name) => {
    expect(stated(name)).toBe(kubernetes[name]);
  });
});
