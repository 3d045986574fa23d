/**
 * Issue 13's topology counts kept in the model: one ClusterIndex shared by many builds (a consolidation
 * state's simulations), each taking some nodes out, gives every group the same counts, in the same domain
 * order, as a build over lists without those nodes and their pods.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { labelSelectorMatches, LABEL_HOSTNAME, LABEL_ZONE, requirementsFromLabels } from "../../src/requirements/index.js";
import { podKey } from "../../src/_internal/pod-key.js";
import { ClusterIndex, ignoredForTopology, nodeDomain } from "../../src/topology/cluster.js";
import type { TopologyGroup } from "../../src/topology/group.js";
import { Topology, type TopologyBuildInput } from "../../src/topology/index.js";
import type { Pod } from "../../src/types/kubernetes.js";
import { node, pod, spread, template, ZONES } from "./fixtures.js";

const TAINT = { key: "dedicated", value: "x", effect: "NoSchedule" as const };

const clusterArb = fc.record({
  nodes: fc.array(fc.record({ zone: fc.constantFrom(...ZONES), tainted: fc.boolean() }), { minLength: 1, maxLength: 7 }),
  bound: fc.array(
    fc.record({
      node: fc.integer({ min: 0, max: 7 }),
      namespace: fc.constantFrom("a", "b", "c"),
      app: fc.constantFrom("web", "db"),
      terminal: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      antiAffinity: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    }),
    { maxLength: 30 },
  ),
  pending: fc.array(
    fc.record({
      kind: fc.constantFrom("spread", "spread-honor", "anti-affinity", "affinity", "any-namespace"),
      app: fc.constantFrom("web", "db"),
      // Names a running pod's key (the batch's own pods are never counted), or a fresh one.
      sameAs: fc.option(fc.integer({ min: 0, max: 29 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  removals: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }), { minLength: 1, maxLength: 3 }),
});

function boundPod(i: number, b: { namespace: string; app: string; terminal: boolean; antiAffinity: boolean }): Pod {
  const p = pod(`run-${i}`, {
    namespace: b.namespace,
    labels: { app: b.app },
    ...(b.terminal ? { phase: "Succeeded" } : {}),
    ...(b.antiAffinity
      ? {
          affinity: {
            podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: LABEL_ZONE, labelSelector: { matchLabels: { app: b.app } } }] },
          },
        }
      : {}),
  });
  return p;
}

function pendingPod(i: number, p: { kind: string; app: string; sameAs: number | undefined }, bound: readonly Pod[]): Pod {
  const same = p.sameAs === undefined ? undefined : bound[p.sameAs];
  const name = same?.metadata.name ?? `new-${i}`;
  const namespace = same?.metadata.namespace ?? "a";
  const selector = { matchLabels: { app: p.app } };
  const base = pod(name, { namespace, labels: { app: p.app }, tolerations: [] });
  const withUid = same === undefined ? base : { ...base, metadata: { ...base.metadata, uid: same.metadata.uid } };
  switch (p.kind) {
    case "spread":
      return { ...withUid, spec: { ...withUid.spec, topologySpreadConstraints: [spread(LABEL_ZONE, 1, selector)] } };
    case "spread-honor":
      return { ...withUid, spec: { ...withUid.spec, topologySpreadConstraints: [spread(LABEL_HOSTNAME, 1, selector, { nodeTaintsPolicy: "Honor" })] } };
    case "anti-affinity":
      return {
        ...withUid,
        spec: {
          ...withUid.spec,
          affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: LABEL_HOSTNAME, labelSelector: selector }] } },
        },
      };
    case "affinity":
      return {
        ...withUid,
        spec: {
          ...withUid.spec,
          affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: LABEL_ZONE, labelSelector: selector }] } },
        },
      };
    default:
      return {
        ...withUid,
        spec: {
          ...withUid.spec,
          affinity: {
            podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: LABEL_ZONE, labelSelector: selector, namespaceSelector: {} }] },
          },
        },
      };
  }
}

/** Every group's domains, empty and occupied domains, in their insertion order. */
function groupState(topology: Topology): unknown {
  const registry = (topology as unknown as { registry: { forwardGroups: TopologyGroup[]; inverseGroups: TopologyGroup[] } }).registry;
  const state = (g: TopologyGroup): unknown => ({ hash: g.hash, domains: [...g.domains], empty: [...g.empty], occupied: [...g.occupied] });
  return { forward: registry.forwardGroups.map(state), inverse: registry.inverseGroups.map(state) };
}

/**
 * What a walk over the running pods records for a forward group, in order: namespace by namespace, pods in
 * input order (the counting before issue 13's index), each domain with its count, in first-recorded order.
 */
function walked(
  group: TopologyGroup,
  nodes: readonly ReturnType<typeof node>[],
  boundPods: readonly { pod: Pod; nodeName: string }[],
  excluded: ReadonlySet<string>,
): [string, number][] {
  const counts = new Map<string, number>();
  for (const namespace of group.namespaces) {
    for (const { pod: p, nodeName } of boundPods) {
      const n = nodes.find((x) => x.name === nodeName);
      if (n === undefined || ignoredForTopology(p) || excluded.has(podKey(p)) || (p.metadata.namespace ?? "default") !== namespace) continue;
      if (group.selector !== undefined && !labelSelectorMatches(group.selector, p.metadata.labels ?? {})) continue;
      if (!group.filter.matches(n.taints, requirementsFromLabels(n.labels))) continue;
      const domain = nodeDomain(n, group.key);
      if (domain !== undefined) counts.set(domain, (counts.get(domain) ?? 0) + 1);
    }
  }
  return [...counts];
}

describe("topology counts from a shared index", () => {
  test.prop([clusterArb], { numRuns: 200 })("equal a fresh build without the removed nodes, run after run", ({ nodes, bound, pending, removals }) => {
    const topologyNodes = nodes.map((n, i) => node(`node-${i}`, n.zone, {}, n.tainted ? [TAINT] : []));
    const boundPods = bound.map((b, i) => ({ pod: boundPod(i, b), nodeName: `node-${b.node}` }));
    const pendingPods = pending.map((p, i) =>
      pendingPod(
        i,
        p,
        boundPods.map((b) => b.pod),
      ),
    );
    const templates = [template("default")];
    const index = new ClusterIndex(topologyNodes, boundPods);
    for (const removal of removals) {
      const removed = new Set(removal.map((i) => `node-${i}`));
      const common: Omit<TopologyBuildInput, "nodes" | "boundPods"> = { templates, pendingPods, preferencePolicy: "Respect" };
      const shared = Topology.build({ ...common, nodes: topologyNodes, boundPods, clusterIndex: index, removed });
      const fresh = Topology.build({
        ...common,
        nodes: topologyNodes.filter((n) => !removed.has(n.name)),
        boundPods: boundPods.filter((b) => !removed.has(b.nodeName)),
      });
      expect(groupState(shared)).toEqual(groupState(fresh));
      const excluded = new Set(pendingPods.map(podKey));
      const remaining = topologyNodes.filter((n) => !removed.has(n.name));
      for (const group of (shared as unknown as { registry: { forwardGroups: TopologyGroup[] } }).registry.forwardGroups) {
        const expected = walked(group, remaining, boundPods, excluded);
        expect([...group.occupied]).toEqual(expected.map(([d]) => d));
        for (const [domain, count] of expected) expect(group.count(domain)).toBe(count);
      }
      expect(shared.groupViews()).toEqual(fresh.groupViews());
    }
  });
});
