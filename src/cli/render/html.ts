// A self-contained HTML page (no scripts, no external assets) showing nodes as boxes sized by their
// allocatable resources, with the pods stacked inside by their requests.
import { formatHourly } from "./money.js";

/** A pod as the report draws it. */
export interface ReportPod {
  readonly name: string;
  /** Requested millicores. */
  readonly cpu: number;
  /** Requested bytes. */
  readonly memory: number;
}

/** A node (new or existing) as the report draws it. */
export interface ReportNode {
  readonly name: string;
  readonly status: "new" | "existing" | "removed" | "replacement";
  readonly instanceType: string;
  readonly zone: string;
  readonly capacityType: string;
  readonly price: number;
  /** Allocatable millicores. */
  readonly cpu: number;
  /** Allocatable bytes. */
  readonly memory: number;
  readonly pods: readonly ReportPod[];
}

/** One titled group of nodes (e.g. "before" and "after" for consolidation). */
export interface ReportSection {
  readonly title: string;
  readonly nodes: readonly ReportNode[];
}

/** The whole report. */
export interface Report {
  readonly title: string;
  readonly summary: readonly string[];
  readonly sections: readonly ReportSection[];
  readonly problems: readonly { readonly subject: string; readonly message: string }[];
  readonly problemsTitle: string;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const cores = (milli: number): string => `${(milli / 1000).toFixed(milli % 1000 === 0 ? 0 : 2)} CPU`;

// Pods get a stable colour from their name, so one workload's replicas share a colour.
function colourOf(name: string): string {
  const workload = name.replace(/-\d+$/, "");
  let hash = 0;
  for (let i = 0; i < workload.length; i++) hash = (hash * 31 + workload.charCodeAt(i)) >>> 0;
  return `hsl(${hash % 360} 60% 70%)`;
}

function bar(label: string, capacity: number, pods: readonly ReportPod[], pick: (p: ReportPod) => number, unit: (n: number) => string): string {
  const used = pods.reduce((sum, p) => sum + pick(p), 0);
  const segments = pods
    .map((p) => {
      const width = capacity > 0 ? (100 * pick(p)) / capacity : 0;
      return `<div class="seg" style="width:${width.toFixed(3)}%;background:${colourOf(p.name)}" title="${escapeHtml(`${p.name}: ${unit(pick(p))}`)}"></div>`;
    })
    .join("");
  return `<div class="bar-label">${label}: ${unit(used)} of ${unit(capacity)}</div><div class="bar">${segments}</div>`;
}

function nodeBox(node: ReportNode, widest: number): string {
  // Box width follows allocatable CPU (square-root scale so a 96-core node does not dwarf the page).
  const width = 180 + 420 * Math.sqrt(widest > 0 ? node.cpu / widest : 0);
  const pods = node.pods.map((p) => `<li>${escapeHtml(p.name)} <span>${cores(p.cpu)}, ${gib(p.memory)}</span></li>`).join("");
  return `<section class="node ${node.status}" style="width:${width.toFixed(0)}px">
<h3>${escapeHtml(node.name)} <small>${node.status}</small></h3>
<p>${escapeHtml(node.instanceType)} · ${escapeHtml(node.zone)} · ${escapeHtml(node.capacityType)} · ${formatHourly(node.price)}</p>
${bar("cpu", node.cpu, node.pods, (p) => p.cpu, cores)}
${bar("memory", node.memory, node.pods, (p) => p.memory, gib)}
<details><summary>${node.pods.length} pods</summary><ul>${pods}</ul></details>
</section>`;
}

const STYLE = `body{font:14px system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}
.nodes{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
.node{border:2px solid #888;border-radius:6px;padding:8px;box-sizing:border-box}
.node.new,.node.replacement{border-color:#2a7}.node.removed{border-color:#c33;opacity:.7}
.node h3{margin:0;font-size:14px}.node p{margin:4px 0;color:#555}
.bar{display:flex;height:18px;background:#eee;border-radius:3px;overflow:hidden;margin-bottom:4px}
.seg{border-right:1px solid #fff;box-sizing:border-box}.bar-label{font-size:12px;color:#444}
ul{margin:4px 0;padding-left:18px}li span{color:#777}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}`;

/**
 * Renders a report as one self-contained HTML page.
 *
 * @param report - what to draw
 * @returns the page
 */
export function renderHtml(report: Report): string {
  const widest = Math.max(0, ...report.sections.flatMap((s) => s.nodes.map((n) => n.cpu)));
  const sections = report.sections
    .map((s) => `<h2>${escapeHtml(s.title)}</h2><div class="nodes">${s.nodes.map((n) => nodeBox(n, widest)).join("\n") || "<p>none</p>"}</div>`)
    .join("\n");
  const problems =
    report.problems.length === 0
      ? ""
      : `<h2>${escapeHtml(report.problemsTitle)}</h2><table><tr><th>subject</th><th>reason</th></tr>${report.problems
          .map((p) => `<tr><td>${escapeHtml(p.subject)}</td><td>${escapeHtml(p.message)}</td></tr>`)
          .join("")}</table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(report.title)}</h1>
<ul>${report.summary.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>
${sections}
${problems}
</body></html>
`;
}
