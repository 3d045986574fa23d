/**
 * Rewrites the generated parts of test/scenarios/PENDING.md: the share table at its top and the list of
 * upstream tests not translated. Reasons already written in the list are kept; a test newly pending gets
 * a reason from a few title patterns, else "not yet translated".
 *
 *   npx tsx test/scenarios/upstream/pending.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { UPSTREAM_FILES, type UpstreamFile } from "./files.js";
import { BEGIN, END, PENDING_PATH, pendingEntries, shareTable, shares, translatedTitles, upstreamTitles } from "./ledger.js";

const SHARE_BEGIN = "<!-- upstream-share:begin (generated) -->";
const SHARE_END = "<!-- upstream-share:end -->";

/** Title patterns with a reason nodefit cannot translate them (checked in order). */
const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/metric|\bemits?\b|\bevents?\b|\blogs?\b/i, "asserts metrics, events or logs (not modelled)"],
  [/capacity ?buffer/i, "CapacityBuffer is not modelled (S13)"],
  [/nominat/i, "nominated nodes: the schema drops the nomination (see below)"],
  [/terminationGracePeriod|termination grace/i, "terminationGracePeriod: the schema drops it (see below)"],
  [/timeout|validation period|requeue|retry|\bTTL\b/i, "depends on controller timing (nodefit plans at one instant, C1)"],
];

function defaultReason(title: string): string {
  for (const [pattern, reason] of PATTERNS) if (pattern.test(title)) return reason;
  return "not yet translated";
}

const text = readFileSync(PENDING_PATH, "utf8");
const reasons = new Map(pendingEntries(text).map((p) => [p.key, p.reason]));
const translated = translatedTitles();
const lines: string[] = [BEGIN];
for (const [file, titles] of upstreamTitles()) {
  const open = titles.filter((t) => !translated.has(`[${file}] ${t}`));
  lines.push("", `### \`${UPSTREAM_FILES[file as UpstreamFile]}\` (${open.length} pending)`, "");
  for (const t of open) lines.push(`- [${file}] ${t} — ${reasons.get(`[${file}] ${t}`) ?? defaultReason(t)}`);
}
lines.push("", END);

function replaceBetween(source: string, begin: string, end: string, body: string): string {
  const start = source.indexOf(begin);
  const stop = source.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`PENDING.md lacks the markers ${begin} ... ${end}`);
  return `${source.slice(0, start)}${body}${source.slice(stop + end.length)}`;
}

let out = replaceBetween(text, SHARE_BEGIN, SHARE_END, `${SHARE_BEGIN}\n${shareTable(shares())}\n${SHARE_END}`);
out = replaceBetween(out, BEGIN, END, lines.join("\n"));
writeFileSync(PENDING_PATH, out);
