import { toScheduleJson, type PlannedNodeClaim, type ScheduleResult } from "nodefit";

/** How much text is gathered before one write: few system calls, no output-sized string. */
const CHUNK = 1 << 20;

const HEAD = '{\n  "nodeClaims": [';
const CLAIMS_END = '\n  ],\n  "existingNodes": ';
/** Where a claim's long lists sit in its text when rendered empty (keys are in a fixed order). */
const OPTIONS_KEY = '"instanceTypeOptions": []';
const PODS_KEY = '"pods": []';
const VALUES_KEY = '"values": []';

// What JSON.stringify escapes in a string: a quote, a backslash, a control character, a lone surrogate.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be found
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A list of strings as `render` writes it at `indent` (its items one level deeper). Names without anything to
 * escape (nearly all) are joined in one go: the option lists are 96% of the text, rendering them item by item
 * was most of the writer's time.
 */
function stringList(items: readonly string[], indent: string): string {
  if (items.length === 0) return "[]";
  const inner = `${indent}  `;
  if (NEEDS_ESCAPE.test(items.join(""))) return `[\n${items.map((s) => inner + JSON.stringify(s)).join(",\n")}\n${indent}]`;
  return `[\n${inner}"${items.join(`",\n${inner}"`)}"\n${indent}]`;
}

/** The indentation of the line `at` is on. */
function lineIndent(text: string, at: number): string {
  const start = text.lastIndexOf("\n", at) + 1;
  return text.slice(start, at);
}

/**
 * One claim's text as `toScheduleJson` renders it inside the `nodeClaims` list: rendered by `toScheduleJson`
 * with its long lists (options, pods, requirement values) left empty, which are then written in their place,
 * in the order the claim's keys are written. Each key is found by its next occurrence: the values before it are
 * JSON strings and numbers, where a quote is always escaped, and maps of strings, whose values are quoted.
 */
function claimText(bare: ScheduleResult, claim: PlannedNodeClaim): string {
  const emptied: PlannedNodeClaim = {
    ...claim,
    instanceTypeOptions: [],
    pods: [],
    requirements: claim.requirements.map((r) => (r.values === undefined ? r : { ...r, values: [] })),
  };
  const one = toScheduleJson({ ...bare, nodeClaims: [emptied] });
  const text = one.slice(HEAD.length + 1, one.lastIndexOf(CLAIMS_END));
  const lists: (readonly [string, readonly string[]])[] = [
    [OPTIONS_KEY, claim.instanceTypeOptions],
    [PODS_KEY, claim.pods],
  ];
  for (const r of claim.requirements) if (r.values !== undefined) lists.push([VALUES_KEY, r.values]);
  let out = "";
  let from = 0;
  for (const [key, items] of lists) {
    const at = text.indexOf(key, from);
    if (at < 0) {
      const whole = toScheduleJson({ ...bare, nodeClaims: [claim] });
      return whole.slice(HEAD.length + 1, whole.lastIndexOf(CLAIMS_END));
    }
    out += text.slice(from, at + key.length - 2) + stringList(items, lineIndent(text, at));
    from = at + key.length;
  }
  return out + text.slice(from);
}

/**
 * Writes `toScheduleJson(result)` and a newline in pieces of about a megabyte, never holding the whole text:
 * at 20,000 pods it is 83 MB (instance-type option lists are most of it), and it was built, joined and
 * copied whole before. Each node claim is rendered by `toScheduleJson` itself (as the only claim of a
 * result, its option and pod lists written beside it), so the text is the same byte for byte.
 *
 * @param result - what `schedule` returned
 * @param write - where the text goes, in order
 */
export function writeScheduleJson(result: ScheduleResult, write: (text: string) => void): void {
  const rest = toScheduleJson({ ...result, nodeClaims: [] });
  if (result.nodeClaims.length === 0 || !rest.startsWith(`${HEAD}]`)) {
    write(`${toScheduleJson(result)}\n`);
    return;
  }
  const bare: ScheduleResult = { ...result, existingNodes: [], unschedulable: [] };
  let pending = `${HEAD}\n`;
  result.nodeClaims.forEach((claim, i) => {
    pending += (i === 0 ? "" : ",\n") + claimText(bare, claim);
    if (pending.length >= CHUNK) {
      write(pending);
      pending = "";
    }
  });
  write(`${pending}\n  ]${rest.slice(HEAD.length + 1)}\n`);
}
