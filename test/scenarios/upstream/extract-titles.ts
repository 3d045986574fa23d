/**
 * Lists the `It` and `Entry` titles of upstream's test files, each with its Describe/Context path, as the
 * JSON that `titles.json` holds. Run it against a Karpenter checkout (a bare mirror works):
 *
 *   npx tsx test/scenarios/upstream/extract-titles.ts /path/to/karpenter.git v1.14.1 > test/scenarios/upstream/titles.json
 *
 * Ginkgo sources are gofmt-ed, so a node's nesting is its indentation. A title is the first string
 * literal of the call (for an `Entry` whose description is an expression, the expression as written).
 * Paths that occur twice in one file (two Contexts of the same name) get ` #2`, ` #3`, ... in source order.
 */
import { execFileSync } from "node:child_process";
import { UPSTREAM_FILES } from "./files.js";

const NODE = /^(\t*)(Describe|Context|When|It|DescribeTable|Entry)\((.*)$/;
const LEAVES = new Set(["It", "Entry"]);

function firstArgument(rest: string): string {
  const literal = /^"((?:[^"\\]|\\.)*)"|^`([^`]*)`/.exec(rest);
  if (literal) return literal[1] !== undefined ? (JSON.parse(`"${literal[1]}"`) as string) : (literal[2] ?? "");
  // An expression, e.g. Entry(corev1.LabelTopologyZone, ...): up to the first top-level comma.
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (ch === "(" || ch === "{" || ch === "[") depth++;
    else if (ch === ")" || ch === "}" || ch === "]") depth--;
    if ((ch === "," && depth === 0) || depth < 0) return rest.slice(0, i).trim();
  }
  return rest.trim();
}

function titles(source: string): string[] {
  const stack: { depth: number; title: string }[] = [];
  const out: string[] = [];
  const seen = new Map<string, number>();
  for (const line of source.split("\n")) {
    const m = NODE.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? "").length;
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= depth) stack.pop();
    const title = firstArgument(m[3] ?? "");
    if (LEAVES.has(m[2] ?? "")) {
      const path = [...stack.map((s) => s.title), title].join(" › ");
      const n = (seen.get(path) ?? 0) + 1;
      seen.set(path, n);
      out.push(n === 1 ? path : `${path} #${n}`);
    } else {
      stack.push({ depth, title });
    }
  }
  return out;
}

const [repo, tag] = process.argv.slice(2);
if (repo === undefined || tag === undefined) throw new Error("usage: extract-titles.ts <karpenter git dir> <tag>");
const result: Record<string, string[]> = {};
for (const [short, path] of Object.entries(UPSTREAM_FILES)) {
  result[short] = titles(execFileSync("git", ["-C", repo, "show", `${tag}:${path}`], { encoding: "utf8", maxBuffer: 64 << 20 }));
}
process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
