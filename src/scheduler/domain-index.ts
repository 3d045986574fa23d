/**
 * Planned claims grouped by their requirement on one topology key (e.g. the zone), each group in upstream's
 * load order: a pod whose zonal group refuses most zones visits only the claims of the zones it can take,
 * merged back into load order, instead of walking past every claim of the others.
 *
 * @module
 */
import type { Requirement } from "../requirements/index.js";
import { compareLoad, LoadOrder, type LoadLink } from "./load-order.js";
import type { NodeClaim } from "./nodeclaim.js";

/** The claims whose requirement on the key has one value (equal requirements, whichever object holds them). */
export interface DomainClass {
  /** One member's requirement on the key (undefined: the claims do not constrain the key). */
  readonly requirement: Requirement | undefined;
  /** The members, in load order. */
  readonly order: LoadOrder<NodeClaim>;
}

const keyTexts = new WeakMap<Requirement, string>();

/** A requirement's value as text: equal texts, equal domains (the object differs between groups). */
function valueKey(requirement: Requirement | undefined): string {
  if (requirement === undefined) return "";
  let text = keyTexts.get(requirement);
  if (text === undefined) {
    text = JSON.stringify([
      requirement.complement,
      [...requirement.values].sort(),
      requirement.gte ?? null,
      requirement.lte ?? null,
      requirement.minValues ?? null,
    ]);
    keyTexts.set(requirement, text);
  }
  return text;
}

/** The planned claims of one run grouped by their requirement on one key; kept in step with the load order. */
export class DomainIndex {
  /** The groups, by requirement value. */
  readonly classes: Map<string, DomainClass> = new Map();
  private readonly members = new Map<NodeClaim, { cls: DomainClass; link: LoadLink<NodeClaim> }>();

  /**
   * @param key - the topology key (normalised)
   * @param order - the run's load order so far
   */
  constructor(
    readonly key: string,
    order: LoadOrder<NodeClaim>,
  ) {
    // The load order is sorted, so appending in its order keeps every group sorted.
    for (let link = order.head; link !== undefined; link = link.next) this.added(link);
  }

  /**
   * Records a claim added to the load order.
   *
   * @param global - its link in the run's load order
   */
  added(global: LoadLink<NodeClaim>): void {
    const cls = this.classOf(global.item);
    this.members.set(global.item, { cls, link: cls.order.append(global.item, global.count, global.rank) });
  }

  /**
   * Records that a claim gained a pod (call after the load order moved it): it moves within its group, or
   * to the front of its count in the group of its new requirement.
   *
   * @param global - its link in the run's load order
   */
  grew(global: LoadLink<NodeClaim>): void {
    const member = this.members.get(global.item);
    if (member === undefined) return;
    const cls = this.classOf(global.item);
    if (cls === member.cls) {
      cls.order.grew(member.link, global.rank);
      return;
    }
    member.cls.order.remove(member.link);
    member.cls = cls;
    member.link = cls.order.prepend(global.item, global.count, global.rank);
  }

  private classOf(claim: NodeClaim): DomainClass {
    const requirement = claim.requirements.has(this.key) ? claim.requirements.get(this.key) : undefined;
    const text = valueKey(requirement);
    let cls = this.classes.get(text);
    if (cls === undefined) {
      cls = { requirement, order: new LoadOrder() };
      this.classes.set(text, cls);
    }
    return cls;
  }
}

/**
 * Walks several groups' members merged in load order.
 *
 * @param heads - the first link of each group to walk (undefined entries are skipped)
 * @param visit - called per claim in load order; returning true stops the walk
 * @returns whether a visit stopped the walk
 */
export function walkMerged(heads: (LoadLink<NodeClaim> | undefined)[], visit: (claim: NodeClaim) => boolean): boolean {
  for (;;) {
    let best = -1;
    for (let h = 0; h < heads.length; h++) {
      const link = heads[h];
      if (link !== undefined && (best < 0 || compareLoad(link, heads[best] as LoadLink<NodeClaim>) < 0)) best = h;
    }
    if (best < 0) return false;
    const link = heads[best] as LoadLink<NodeClaim>;
    heads[best] = link.next;
    if (visit(link.item)) return true;
  }
}
