import { toScheduleJson, type PlannedNodeClaim, type ScheduleResult } from "nodefit";

/** How much text is gathered before one write: few system calls, no output-sized string. */
const CHUNK = 1 << 20;

const HEAD = '{\n  "nodeClaims": [';
const CLAIMS_END = '\n  ],\n  "existingNodes": ';
/** Where a claim's two long lists sit in its text when rendered empty (keys are in a fixed order). */
const OPTIONS_KEY = '"instanceTypeOptions": []';
const PODS_KEY = '"pods": []';

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
 * with its two long lists left empty, which are then written in their place. Both keys are found by their
 * first occurrence: the values before them are JSON strings and numbers, where a quote is always escaped.
 */
function claimText(bare: ScheduleResult, claim: PlannedNodeClaim): string {
  const one = toScheduleJson({ ...bare, nodeClaims: [{ ...claim, instanceTypeOptions: [], pods: [] }] });
  const text = one.slice(HEAD.length + 1, one.lastIndexOf(CLAIMS_END));
  const options = text.indexOf(OPTIONS_KEY);
  const pods = text.indexOf(PODS_KEY, options);
  if (options < 0 || pods < 0) {
    const whole = toScheduleJson({ ...bare, nodeClaims: [claim] });
    return whole.slice(HEAD.length + 1, whole.lastIndexOf(CLAIMS_END));
  }
  const optionsEnd = options + OPTIONS_KEY.length;
  return (
    text.slice(0, optionsEnd - 2) +
    stringList(claim.instanceTypeOptions, lineIndent(text, options)) +
    text.slice(optionsEnd, pods + PODS_KEY.length - 2) +
    stringList(claim.pods, lineIndent(text, pods)) +
    text.slice(pods + PODS_KEY.length)
  );
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
