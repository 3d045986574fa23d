/**
 * The conflict reported when a group allows no domain. Its message is built only when read, since
 * the scheduler asks many candidates and rarely prints why each one failed.
 *
 * @module
 */
import type { Requirement } from "../requirements/index.js";
import type { TopologyGroup } from "./group.js";
import type { TopologyConflict } from "./types.js";

/** How many domains a message lists before summarising. */
const SHOWN_DOMAINS = 25;

const CODES = {
  spread: "topology-spread",
  affinity: "pod-affinity",
  "anti-affinity": "pod-anti-affinity",
} as const;

const NAMES = { spread: "topology spread", affinity: "pod affinity", "anti-affinity": "pod anti-affinity" } as const;

function formatCounts(domains: ReadonlyMap<string, number>): string {
  const names = [...domains.keys()].sort();
  const shown = names.slice(0, SHOWN_DOMAINS).map((d) => `${d}: ${domains.get(d) ?? 0}`);
  if (names.length > SHOWN_DOMAINS) shown.push(`and ${names.length - SHOWN_DOMAINS} more`);
  return `{${shown.join(", ")}}`;
}

/**
 * A topology conflict naming the group, its counts and the pod's and node's domains.
 *
 * @internal
 */
export class GroupConflict implements TopologyConflict {
  readonly code: TopologyConflict["code"];
  readonly key: string;
  private readonly group: TopologyGroup;
  private readonly pod: Requirement;
  private readonly node: Requirement;
  private text: string | undefined;

  constructor(group: TopologyGroup, pod: Requirement, node: Requirement) {
    this.code = CODES[group.type];
    this.key = group.key;
    this.group = group;
    this.pod = pod;
    this.node = node;
  }

  /** `unsatisfiable topology constraint for <type>, key=<key> (counts = {...}, podDomains = ..., nodeDomains = ...)`. */
  get message(): string {
    this.text ??= `unsatisfiable topology constraint for ${NAMES[this.group.type]}, key=${this.key} (counts = ${formatCounts(
      this.group.domains,
    )}, podDomains = ${this.pod.toString()}, nodeDomains = ${this.node.toString()})`;
    return this.text;
  }

  /** The plain-object form, so JSON output carries the message. */
  toJSON(): TopologyConflict {
    return { code: this.code, key: this.key, message: this.message };
  }
}
