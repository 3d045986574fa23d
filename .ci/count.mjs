// Sums vitest's JSON reports into the one closing line CI reads: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const reports = readdirSync(".").filter((f) => /^\.vitest-report.*\.json$/.test(f));
for (const file of reports) {
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (reports.length === 0 || !existsSync(".vitest-report.json")) failed += 1;
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
