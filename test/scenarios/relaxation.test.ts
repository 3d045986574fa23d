/**
 * Preference relaxation order (reference §2.9; §4.3 category 3) and the node-affinity policy of topology spread
 * (reference §2.10).
 */
import { describe, expect, test } from "vitest";
import type { TopologySpreadConstraint } from "../../src/types/kubernetes.js";
import { node, pod, replicas, req, requiredTerms, run } from "./helpers.js";

const ZONE = "topology.kubernetes.io/zone";
const HOSTNAME = "kubernetes.io/hostname";
const ARCH = "kubernetes.io/arch";

describe("relaxation order", () => {
  test("required OR terms: the first two impossible, the third is used", () => {
    const affinity = requiredTerms([req(ZONE, "In", "nowhere")], [req(ARCH, "In", "sparc")], [req(ZONE, "In", "test-zone-3")]);
    expect(run({ pods: [pod("p", { affinity })] }).nodeClaims[0]!.zone).toBe("test-zone-3");
  });

  test("required OR terms: the first satisfiable term wins even when a later one is cheaper", () => {
    const affinity = requiredTerms([req(ARCH, "In", "arm64")], [req(ARCH, "In", "amd64")]);
    expect(run({ pods: [pod("p", { affinity })] }).nodeClaims[0]!.instanceType).toBe("arm-instance-type");
  });

  test("the heavier preferred term is honoured first", () => {
    const affinity = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, preference: { matchExpressions: [req(ZONE, "In", "test-zone-1")] } },
          { weight: 50, preference: { matchExpressions: [req(ZONE, "In", "test-zone-2")] } },
        ],
      },
    };
    expect(run({ pods: [pod("p", { affinity })] }).nodeClaims[0]!.zone).toBe("test-zone-2");
  });

  test("an unsatisfiable heaviest term gives way to the next heaviest", () => {
    const affinity = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, preference: { matchExpressions: [req(ZONE, "In", "test-zone-2")] } },
          { weight: 50, preference: { matchExpressions: [req(ZONE, "In", "nowhere")] } },
          { weight: 10, preference: { matchExpressions: [req(ZONE, "In", "test-zone-3")] } },
        ],
      },
    };
    expect(run({ pods: [pod("p", { affinity })] }).nodeClaims[0]!.zone).toBe("test-zone-3");
  });

  test("a preference never relaxes a required term", () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [req(ZONE, "In", "test-zone-3")] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [req(ZONE, "NotIn", "test-zone-3")] } }],
      },
    };
    expect(run({ pods: [pod("p", { affinity })] }).nodeClaims[0]!.zone).toBe("test-zone-3");
  });

  test("required OR terms are relaxed before preferences: the preference still applies to the next term", () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [req(ZONE, "In", "nowhere")] }, { matchExpressions: [req(ZONE, "In", "test-zone-1", "test-zone-2")] }],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [req(ZONE, "In", "test-zone-2")] } }],
      },
    };
    expect(run({ pods: [pod("p", { affinity })] }).nodeClaims[0]!.zone).toBe("test-zone-2");
  });

  test("a preferred pod affinity is dropped before the preferred node affinity", () => {
    const affinity = {
      nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [req(ZONE, "In", "test-zone-3")] } }] },
      podAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: "ghost" } }, topologyKey: ZONE } },
        ],
      },
    };
    expect(run({ pods: [pod("p", { affinity })] }).nodeClaims[0]!.zone).toBe("test-zone-3");
  });

  test("ScheduleAnyway spread is a hard constraint under Respect and ignored under Ignore", () => {
    const o = {
      labels: { app: "web" },
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: HOSTNAME, whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app: "web" } } }],
    };
    expect(run({ pods: replicas("web", 2, o) }).nodeClaims).toHaveLength(2);
    expect(run({ pods: replicas("web", 2, o) }, { preferencePolicy: "Ignore" }).nodeClaims).toHaveLength(1);
  });

  test("under Ignore a preferred node affinity does not narrow the zone", () => {
    const affinity = {
      nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [req(ZONE, "In", "test-zone-3")] } }] },
    };
    const c = run({ pods: [pod("p", { affinity })] }, { preferencePolicy: "Ignore" }).nodeClaims[0]!;
    expect(c.zone).toBe("test-zone-1");
    expect(c.requirements.find((q) => q.key === ZONE)).toBeUndefined();
  });
});

describe("spread nodeAffinityPolicy", () => {
  // Two running web pods sit on a zone-1 node the new pods' node affinity excludes.
  const special = node("special", { labels: { [ZONE]: "test-zone-1", "pool-type": "special" } });
  const running = replicas("old", 2, { labels: { app: "web" }, nodeName: "special" });
  const pods = (policy: string) =>
    replicas("web", 3, {
      labels: { app: "web" },
      affinity: requiredTerms([req("pool-type", "NotIn", "special")]),
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: ZONE,
          whenUnsatisfiable: "DoNotSchedule",
          labelSelector: { matchLabels: { app: "web" } },
          nodeAffinityPolicy: policy,
        } satisfies TopologySpreadConstraint,
      ],
    });
  const perZone = (r: ReturnType<typeof run>) => r.nodeClaims.map((c) => [c.zone, c.pods.length]);

  test("Honor (the default): pods on nodes the pod could not use are not counted", () => {
    expect(perZone(run({ pods: pods("Honor"), nodes: [special], boundPods: running }))).toEqual([
      ["test-zone-1", 1],
      ["test-zone-2", 1],
      ["test-zone-3", 1],
    ]);
  });

  test("Ignore: they are counted, so zone 1 is avoided", () => {
    expect(perZone(run({ pods: pods("Ignore"), nodes: [special], boundPods: running }))).toEqual([
      ["test-zone-2", 2],
      ["test-zone-3", 1],
    ]);
  });
});
