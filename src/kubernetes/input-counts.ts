import { MAX_INSTANCE_TYPES_IN_CATALOG, MAX_NODES, MAX_PODS } from "nodefit";

const formatter = new Intl.NumberFormat("en-US");

/**
 * Why adding to a count is refused: a message the first time the count passes its limit, `""` after
 * that (the problem is already reported; later objects are dropped without repeating it).
 */
export type Refusal = string | undefined;

/** One counted quantity and its limit. */
class Counter {
  private total = 0;
  constructor(
    private readonly limit: number,
    private readonly what: string,
    private readonly constant: string,
  ) {}

  add(n: number, how: string): Refusal {
    const before = this.total;
    this.total += n;
    if (this.total <= this.limit) return undefined;
    if (before > this.limit) return "";
    this.total = this.limit + 1;
    return `${how} brings the input to ${formatter.format(before + n)} ${this.what}, more than the limit of ${formatter.format(this.limit)} (${this.constant})`;
  }
}

/**
 * Counts pods (after workload expansion), Nodes, NodeClaims and catalogue instance types while
 * documents are read, against the limits in `src/limits.ts`, so an oversized input is refused before
 * it is built (a `replicas: 1000000000` never allocates a pod).
 *
 * @internal
 */
export class InputCounts {
  private readonly pods = new Counter(MAX_PODS, "pods", "MAX_PODS");
  private readonly nodes = new Counter(MAX_NODES, "Nodes", "MAX_NODES");
  private readonly nodeClaims = new Counter(MAX_NODES, "NodeClaims", "MAX_NODES");
  private readonly instanceTypes = new Counter(MAX_INSTANCE_TYPES_IN_CATALOG, "instance types", "MAX_INSTANCE_TYPES_IN_CATALOG");

  /** Counts `n` pods: one Pod, or a workload's replicas. */
  addPods(n: number): Refusal {
    return this.pods.add(n, n === 1 ? "this pod" : `${formatter.format(n)} replicas`);
  }

  addNode(): Refusal {
    return this.nodes.add(1, "this Node");
  }

  addNodeClaim(): Refusal {
    return this.nodeClaims.add(1, "this NodeClaim");
  }

  /** Counts a catalogue document's `instanceTypes` (anything but a list counts 0; its reader reports it). */
  addInstanceTypes(list: unknown): Refusal {
    const n = Array.isArray(list) ? list.length : 0;
    return this.instanceTypes.add(n, `its ${formatter.format(n)} instance types`);
  }
}
