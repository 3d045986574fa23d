/**
 * The domain universe: for each topology key, the values some NodePool could launch a node into,
 * each tagged with the taints of the NodePools that offer it.
 *
 * @module
 */
import { toleratesAll } from "../taints/index.js";
import type { Requirement } from "../requirements/index.js";
import type { Taint, Toleration } from "../types/kubernetes.js";
import type { TopologyTemplate } from "./types.js";

/** A domain offered by at least one untainted NodePool: every pod may count it. */
const UNTAINTED: readonly (readonly Taint[])[] = [[]];

/**
 * Topology key → domain → the taint sets of the NodePools offering the domain. A domain offered by
 * an untainted NodePool carries only the empty set, since every pod tolerates that.
 *
 * @internal
 */
export class DomainUniverse {
  private readonly byKey = new Map<string, Map<string, (readonly Taint[])[]>>();

  /**
   * Builds the universe from the NodePools: for each instance type, every value of every key of
   * NodePool ∩ instance-type requirements, plus every `In` value of the NodePool requirements.
   * Complement requirements contribute no values (their listed values are excluded ones).
   *
   * @param templates - the NodePools with their instance types
   * @returns the universe
   */
  static build(templates: readonly TopologyTemplate[]): DomainUniverse {
    const universe = new DomainUniverse();
    // The values of `template ∩ type` per key, without building the merged set: a key only the type has
    // gives the type's values; a shared key under a concrete template requirement gives a subset of the
    // template's own values (inserted below anyway); under a complement, the type's values it admits.
    for (const template of templates) {
      const own = template.requirements;
      for (const instanceType of template.instanceTypes) {
        // Unordered on purpose: the universe does not depend on insertion order, and iterating in key order
        // would cache sorted keys on the caller's instance type.
        instanceType.requirements.forEachRequirement((requirement) => {
          if (requirement.complement) return;
          if (!own.has(requirement.key)) {
            universe.insertRequirement(requirement, template.taints);
            return;
          }
          const mine = own.get(requirement.key);
          if (!mine.complement) return;
          for (const value of requirement.values) if (mine.has(value)) universe.insert(requirement.key, value, template.taints);
        });
      }
      for (const requirement of own) universe.insertRequirement(requirement, template.taints);
    }
    return universe;
  }

  private insertRequirement(requirement: Requirement, taints: readonly Taint[]): void {
    if (requirement.complement) return;
    for (const value of requirement.values) this.insert(requirement.key, value, taints);
  }

  private insert(key: string, domain: string, taints: readonly Taint[]): void {
    let domains = this.byKey.get(key);
    if (domains === undefined) {
      domains = new Map();
      this.byKey.set(key, domains);
    }
    const sets = domains.get(domain);
    if (sets === undefined || taints.length === 0) {
      domains.set(domain, taints.length === 0 ? [...UNTAINTED] : [taints]);
    } else if (sets[0]?.length !== 0) {
      sets.push(taints);
    }
  }

  /**
   * Calls `visit` for each domain of a key, in lexical order; with `tolerations` given (a spread
   * constraint with `nodeTaintsPolicy: Honor`), only for domains some NodePool offers with taints
   * the pod tolerates.
   *
   * @param key - the topology key
   * @param tolerations - the pod's tolerations, or undefined to ignore taints
   * @param visit - called with each domain
   */
  forEachDomain(key: string, tolerations: readonly Toleration[] | undefined, visit: (domain: string) => void): void {
    const domains = this.byKey.get(key);
    if (domains === undefined) return;
    for (const domain of [...domains.keys()].sort()) {
      if (tolerations === undefined || (domains.get(domain) ?? []).some((taints) => toleratesAll(tolerations, taints))) {
        visit(domain);
      }
    }
  }
}
