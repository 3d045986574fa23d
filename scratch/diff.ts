import { readFileSync } from "node:fs";
import { Composer, Parser } from "yaml";
import { fastDocuments } from "/work/wt/edge/src/kubernetes/fast-parse.ts";
import { plainData } from "/work/wt/edge/src/kubernetes/plain-data.ts";
function slow(text: string): unknown[] {
  const out: unknown[] = [];
  for (const d of new Composer().compose(new Parser().parse(text))) {
    if (d.errors.length) return ["ERROR"];
    const o = d.toJS({ maxAliasCount: 1000 });
    out.push(o === null || o === undefined ? null : (plainData(o) as any).value);
  }
  return out;
}
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, "utf8");
  let t = process.cpuUsage(); const a = fastDocuments(text); const ta = process.cpuUsage(t);
  t = process.cpuUsage(); const b = slow(text); const tb = process.cpuUsage(t);
  console.log(f, a === undefined ? "FALLBACK" : JSON.stringify(a) === JSON.stringify(b) ? "SAME" : "DIFF", ta.user/1000, tb.user/1000);
}
