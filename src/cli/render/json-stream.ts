import { toScheduleJson, type ScheduleResult } from "nodefit";

/** How much text is gathered before one write: few system calls, no output-sized string. */
const CHUNK = 1 << 20;

const HEAD = '{\n  "nodeClaims": [';
const CLAIMS_END = '\n  ],\n  "existingNodes": ';

/**
 * Writes `toScheduleJson(result)` and a newline in pieces of about a megabyte, never holding the whole text:
 * at 20,000 pods it is 83 MB (instance-type option lists are most of it), and it was built, joined and
 * copied whole before. Each node claim is rendered by `toScheduleJson` itself (as the only claim of a
 * result), so the text is the same byte for byte.
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
    const one = toScheduleJson({ ...bare, nodeClaims: [claim] });
    pending += (i === 0 ? "" : ",\n") + one.slice(HEAD.length + 1, one.lastIndexOf(CLAIMS_END));
    if (pending.length >= CHUNK) {
      write(pending);
      pending = "";
    }
  });
  write(`${pending}\n  ]${rest.slice(HEAD.length + 1)}\n`);
}
