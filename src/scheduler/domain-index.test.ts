import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { LABEL_ZONE, Requirement, Requirements } from "../requirements/index.js";
import { DomainIndex, walkMerged } from "./domain-index.js";
import { LoadOrder, type LoadLink } from "./load-order.js";
import type { NodeClaim } from "./nodeclaim.js";

const ZONES = ["a", "b", "c"];
/** Zone requirements as fresh objects each time (equal values must still share a group). */
const zoneOf = (z: number): Requirements => (z === 0 ? Requirements.EMPTY : Requirements.of([Requirement.create(LABEL_ZONE, "In", ZONES.slice(0, z))]));

function walk(order: LoadOrder<NodeClaim>): NodeClaim[] {
  const out: NodeClaim[] = [];
  for (let link = order.head; link !== undefined; link = link.next) out.push(link.item);
  return out;
}

describe("domain index", () => {
  // Steps: a new claim with some zone requirement, or a pod on an existing claim that may change its requirement.
  const step = fc.record({ grow: fc.option(fc.nat(), { nil: undefined }), zone: fc.integer({ min: 0, max: 3 }) });
  test.prop([fc.array(step, { maxLength: 120 }), fc.integer({ min: 0, max: 120 })])(
    "each group is the load order restricted to its claims, and merging them gives the load order back",
    (steps, buildAt) => {
      const order = new LoadOrder<NodeClaim>();
      const links: LoadLink<NodeClaim>[] = [];
      let index: DomainIndex | undefined;
      steps.forEach((s, i) => {
        if (i === buildAt) index = new DomainIndex(LABEL_ZONE, order);
        if (s.grow === undefined || links.length === 0) {
          const claim = { requirements: zoneOf(s.zone) } as unknown as NodeClaim;
          const link = order.append(claim, 1);
          links.push(link);
          index?.added(link);
        } else {
          const link = links[s.grow % links.length] as LoadLink<NodeClaim>;
          (link.item as { requirements: Requirements }).requirements = zoneOf(s.zone);
          order.grew(link);
          index?.grew(link);
        }
      });
      index ??= new DomainIndex(LABEL_ZONE, order);
      const all = walk(order);
      for (const cls of index.classes.values()) {
        const members = walk(cls.order);
        expect(members).toEqual(all.filter((c) => members.includes(c)));
      }
      const merged: NodeClaim[] = [];
      walkMerged(
        [...index.classes.values()].map((c) => c.order.head),
        (claim) => merged.push(claim) < 0,
      );
      expect(merged).toEqual(all);
      expect(index.classes.size).toBeLessThanOrEqual(4);
    },
  );
});
