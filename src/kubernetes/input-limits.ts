import { MAX_NODE_POOLS, MAX_TOPOLOGY_SPREAD_WORK } from "nodefit";
import type { DocumentLabel, ManifestProblem } from "./manifest-error.js";
import type { KubernetesDocument } from "./types.js";

const formatter = new Intl.NumberFormat("en-US");

type Json = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function field(value: unknown, ...keys: readonly string[]): unknown {
  let at = value;
  for (const key of keys) at = isRecord(at) ? at[key] : undefined;
  return at;
}

/** A count as written, when it is one (the schemas report anything else later). */
function count(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}

const WORKLOADS: ReadonlySet<string> = new Set(["Deployment", "ReplicaSet", "StatefulSet", "Job"]);

/** JSON with sorted keys, so one constraint written in two key orders is one group. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

const AFFINITY_KINDS = ["podAffinity", "podAntiAffinity"] as const;
const AFFINITY_WHEN = ["requiredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution"] as const;

/** The pod (anti-)affinity terms and spread constraints of a pod spec, each one topology group. */
function topologyTerms(spec: unknown): unknown[] {
  const terms: unknown[] = [];
  if (!isRecord(spec)) return terms;
  const spread = spec["topologySpreadConstraints"];
  if (Array.isArray(spread)) for (const c of spread) terms.push(c);
  const affinity = spec["affinity"];
  if (!isRecord(affinity)) return terms;
  for (const kind of AFFINITY_KINDS) {
    const block = affinity[kind];
    if (!isRecord(block)) continue;
    for (const when of AFFINITY_WHEN) {
      const list = block[when];
      if (Array.isArray(list)) for (const t of list) terms.push([kind, t]);
    }
  }
  return terms;
}

/**
 * Counts, while documents are read, what makes scheduling work grow faster than the input: NodePools
 * (each pod is tried against each NodePool's template; 2,000 NodePools and 4,000 pods took 13 s and
 * 1.25 GB, 4,000 ran out of memory) and topology work (every pod is checked against every spread
 * constraint and pod (anti-)affinity term, and every constrained pod against every Node: 6,000 spread
 * Deployments of 3 replicas took 31 s, 2,000 spread pods over 15,000 Nodes 66 s).
 * Reads raw documents, before validation, and reads defensively: a malformed field counts as absent.
 *
 * @internal
 */
export class InputLimits {
  private nodePools = 0;
  private pods = 0;
  private nodes = 0;
  /** Pending pods (after expansion) with at least one topology constraint. */
  private constrainedPods = 0;
  private readonly groups = new Set<string>();
  /** {@link canonical} of each term by its JSON text: most pods repeat a few terms, written alike. */
  private readonly canonicalByText = new Map<string, string>();
  private reportedPools = false;
  private reportedWork = false;
  readonly problems: ManifestProblem[] = [];

  /** Counts one document, or each item of a `List` / `<Kind>List`. */
  add(document: KubernetesDocument): void {
    const object = document.object;
    const kind = field(object, "kind");
    const items = field(object, "items");
    if (typeof kind === "string" && kind.endsWith("List") && Array.isArray(items)) {
      const itemKind = kind === "List" ? undefined : kind.slice(0, -"List".length);
      items.forEach((item: unknown, i) => this.addObject(item, itemKind, document, ["items", i]));
    } else {
      this.addObject(object, undefined, document, []);
    }
  }

  /** The label of a problem found in `object` (built only then: most documents have none). */
  private labelOf(document: KubernetesDocument, object: unknown, kind: string | undefined, ns: string): DocumentLabel {
    const name = field(object, "metadata", "name");
    return {
      ...(document.file === undefined ? {} : { file: document.file }),
      ...(document.index === undefined ? {} : { index: document.index }),
      ...(kind === undefined ? {} : { kind }),
      ...(typeof name === "string" ? { name } : {}),
      ...(kind === "Pod" || (kind !== undefined && WORKLOADS.has(kind)) ? { namespace: ns } : {}),
    };
  }

  private addObject(object: unknown, listKind: string | undefined, document: KubernetesDocument, path: readonly (string | number)[]): void {
    const written = field(object, "kind");
    const kind = typeof written === "string" ? written : listKind;
    const namespace = field(object, "metadata", "namespace");
    const ns = typeof namespace === "string" && namespace !== "" ? namespace : "default";
    const label = (): DocumentLabel => this.labelOf(document, object, kind, ns);
    if (kind === "NodePool") {
      this.nodePools++;
      if (this.nodePools > MAX_NODE_POOLS && !this.reportedPools) {
        this.reportedPools = true;
        this.problems.push({
          document: label(),
          path,
          message: `this NodePool brings the input to ${formatter.format(this.nodePools)} NodePools, more than the limit of ${formatter.format(MAX_NODE_POOLS)} (MAX_NODE_POOLS)`,
        });
      }
      return;
    }
    let spec: unknown;
    let pods: number;
    if (kind === "Node") {
      this.nodes++;
      this.checkWork(label, path, kind);
      return;
    }
    if (kind === "Pod") {
      spec = field(object, "spec");
      pods = 1;
    } else if (kind !== undefined && WORKLOADS.has(kind)) {
      spec = field(object, "spec", "template", "spec");
      pods =
        kind === "Job"
          ? Math.min(count(field(object, "spec", "parallelism"), 1), count(field(object, "spec", "completions"), Infinity))
          : count(field(object, "spec", "replicas"), 1);
    } else {
      return;
    }
    this.pods += pods;
    const terms = topologyTerms(spec);
    const nodeName = field(spec, "nodeName");
    const pending = kind !== "Pod" || typeof nodeName !== "string" || nodeName === "";
    if (terms.length > 0 && pending) this.constrainedPods += pods;
    for (const term of terms) {
      // Parsed documents hold JSON values only (objects, lists, strings, numbers, booleans, null), whose JSON
      // text decides their canonical text.
      const text = JSON.stringify(term);
      let key = this.canonicalByText.get(text);
      if (key === undefined) {
        key = canonical(term);
        this.canonicalByText.set(text, key);
      }
      this.groups.add(`${ns}\u0000${key}`);
    }
    this.checkWork(label, path, kind);
  }

  /** Reports, once, the document that brings the topology work past {@link MAX_TOPOLOGY_SPREAD_WORK}. */
  private checkWork(label: () => DocumentLabel, path: readonly (string | number)[], kind: string): void {
    const work = this.groups.size * this.pods + this.constrainedPods * this.nodes;
    if (work <= MAX_TOPOLOGY_SPREAD_WORK || this.reportedWork) return;
    this.reportedWork = true;
    const f = (n: number): string => formatter.format(n);
    this.problems.push({
      document: label(),
      path,
      message:
        `this ${kind} brings the topology work to ${f(work)} (${f(this.groups.size)} distinct topology constraints × ${f(this.pods)} pods + ` +
        `${f(this.constrainedPods)} pending constrained pods × ${f(this.nodes)} Nodes), more than the limit of ${f(MAX_TOPOLOGY_SPREAD_WORK)} (MAX_TOPOLOGY_SPREAD_WORK)`,
    });
  }
}
