/**
 * Taints and tolerations, DaemonSet overhead and host ports (reference §1.6, §2.8, §2.11–2.12; §4.3
 * categories 8–10).
 */
import { describe, expect, test } from "vitest";
import { daemonSet, failures, nodePool, pod, replicas, req, requiredTerms, run } from "./helpers.js";

const ARCH = "kubernetes.io/arch";
const CT = "karpenter.sh/capacity-type";
const ALL_CT = req(CT, "In", "spot", "on-demand", "reserved");
const tainted = (effect: string, value = "gpu") => nodePool("default", { taints: [{ key: "dedicated", value, effect }] });

describe("NodePool taints and pod tolerations", () => {
  test("Equal toleration with the right value schedules", () => {
    const r = run({ pods: [pod("p", { tolerations: [{ key: "dedicated", operator: "Equal", value: "gpu" }] })], nodePools: [tainted("NoSchedule")] });
    expect(r.nodeClaims).toHaveLength(1);
  });

  test("Equal toleration with another value is refused", () => {
    const r = run({ pods: [pod("p", { tolerations: [{ key: "dedicated", value: "cpu" }] })], nodePools: [tainted("NoSchedule")] });
    expect(failures(r)).toEqual([["default/p", "taints-not-tolerated"]]);
  });

  test("a NoExecute taint needs a toleration too", () => {
    expect(failures(run({ pods: [pod("p")], nodePools: [tainted("NoExecute")] }))).toEqual([["default/p", "taints-not-tolerated"]]);
  });

  test("a toleration for another effect does not help", () => {
    const r = run({ pods: [pod("p", { tolerations: [{ key: "dedicated", operator: "Exists", effect: "NoExecute" }] })], nodePools: [tainted("NoSchedule")] });
    expect(failures(r)).toEqual([["default/p", "taints-not-tolerated"]]);
  });

  test("an empty-key Exists toleration tolerates everything", () => {
    const np = nodePool("default", {
      taints: [
        { key: "a", effect: "NoSchedule" },
        { key: "b", value: "x", effect: "NoExecute" },
      ],
    });
    expect(run({ pods: [pod("p", { tolerations: [{ operator: "Exists" }] })], nodePools: [np] }).nodeClaims).toHaveLength(1);
  });

  test("every taint must be tolerated, and all untolerated ones are reported", () => {
    const np = nodePool("default", {
      taints: [
        { key: "a", effect: "NoSchedule" },
        { key: "b", effect: "NoSchedule" },
      ],
    });
    const r = run({ pods: [pod("p", { tolerations: [{ key: "a", operator: "Exists" }] })], nodePools: [np] });
    expect(failures(r)).toEqual([["default/p", "taints-not-tolerated"]]);
    expect(r.unschedulable[0]!.nodePools[0]!.taints).toEqual([{ key: "b", effect: "NoSchedule" }]);
  });

  test("a heavier tainted pool is skipped for pods that do not tolerate it", () => {
    const heavy = nodePool("heavy", { weight: 100, taints: [{ key: "dedicated", effect: "NoSchedule" }] });
    const tolerant = pod("tolerant", { tolerations: [{ key: "dedicated", operator: "Exists" }] });
    expect(run({ pods: [pod("plain")], nodePools: [heavy, nodePool("light")] }).nodeClaims.map((c) => c.nodePool)).toEqual(["light"]);
    expect(run({ pods: [tolerant], nodePools: [heavy, nodePool("light")] }).nodeClaims.map((c) => c.nodePool)).toEqual(["heavy"]);
    // Planned claims come before new ones: once the light claim exists, the tolerant pod joins it.
    const both = run({ pods: [pod("plain"), tolerant], nodePools: [heavy, nodePool("light")] });
    expect(both.nodeClaims.map((c) => [c.nodePool, c.pods])).toEqual([["light", ["default/plain", "default/tolerant"]]]);
  });

  test("startup taints are not on the claim's taints and do not block", () => {
    const np = nodePool("default", { startupTaints: [{ key: "init", effect: "NoSchedule" }], taints: [{ key: "t", effect: "NoSchedule" }] });
    const c = run({ pods: [pod("p", { tolerations: [{ key: "t", operator: "Exists" }] })], nodePools: [np] }).nodeClaims[0]!;
    expect(c.taints).toEqual([{ key: "t", effect: "NoSchedule" }]);
  });
});

describe("PreferNoSchedule is the last relaxation", () => {
  const soft = nodePool("soft", { weight: 50, taints: [{ key: "x", effect: "PreferNoSchedule" }] });

  test("a pod tolerating PreferNoSchedule takes the heavier soft pool", () => {
    const r = run({ pods: [pod("p", { tolerations: [{ key: "x", operator: "Exists" }] })], nodePools: [soft, nodePool("plain")] });
    expect(r.nodeClaims[0]!.nodePool).toBe("soft");
  });

  test("a preferred node affinity is dropped before PreferNoSchedule is tolerated", () => {
    // Wants test-zone-2; the plain pool only has test-zone-1; the soft pool has every zone.
    const plain = nodePool("plain", { requirements: [ALL_CT, req("topology.kubernetes.io/zone", "In", "test-zone-1")] });
    const affinity = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, preference: { matchExpressions: [req("topology.kubernetes.io/zone", "In", "test-zone-2")] } },
        ],
      },
    };
    const c = run({ pods: [pod("p", { affinity })], nodePools: [soft, plain] }).nodeClaims[0]!;
    expect([c.nodePool, c.zone]).toEqual(["plain", "test-zone-1"]);
  });

  test("without any PreferNoSchedule pool nothing tolerates such taints", () => {
    const hard = nodePool("hard", { taints: [{ key: "x", effect: "NoSchedule" }] });
    expect(failures(run({ pods: [pod("p")], nodePools: [hard] }))).toEqual([["default/p", "taints-not-tolerated"]]);
  });
});

describe("DaemonSet overhead", () => {
  test("overhead is added once per claim, not per pod", () => {
    const ds = daemonSet("agent", { requests: { cpu: "1" } });
    const c = run({ pods: replicas("p", 2, { requests: { cpu: "1" } }), daemonSets: [ds] }).nodeClaims[0]!;
    expect([c.instanceType, c.requests.get("cpu"), c.requests.get("pods")]).toEqual(["default-instance-type", 3000, 3]);
  });

  test("the DaemonSet pod takes a pod slot: five pods and a DaemonSet need two nodes", () => {
    const r = run({ pods: replicas("p", 5), daemonSets: [daemonSet("agent")] });
    expect(r.nodeClaims.map((c) => c.pods.length)).toEqual([4, 1]);
  });

  test("a DaemonSet tolerating the NodePool taint adds its overhead", () => {
    const ds = daemonSet("agent", { requests: { cpu: "1" }, tolerations: [{ key: "dedicated", operator: "Exists" }] });
    const r = run({
      pods: [pod("p", { requests: { cpu: "1" }, tolerations: [{ operator: "Exists" }] })],
      nodePools: [tainted("NoSchedule")],
      daemonSets: [ds],
    });
    expect(r.nodeClaims[0]!.instanceType).toBe("default-instance-type");
  });

  test("DaemonSets always tolerate PreferNoSchedule taints", () => {
    const ds = daemonSet("agent", { requests: { cpu: "1" } });
    const r = run({ pods: [pod("p", { requests: { cpu: "1" } })], nodePools: [tainted("PreferNoSchedule")], daemonSets: [ds] });
    expect(r.nodeClaims[0]!.instanceType).toBe("default-instance-type");
  });

  test("NodePool startup taints do not keep a DaemonSet off", () => {
    const ds = daemonSet("agent", { requests: { cpu: "1" } });
    const np = nodePool("default", { startupTaints: [{ key: "init", effect: "NoSchedule" }] });
    expect(run({ pods: [pod("p", { requests: { cpu: "1" } })], nodePools: [np], daemonSets: [ds] }).nodeClaims[0]!.instanceType).toBe("default-instance-type");
  });

  test("a DaemonSet selecting a custom label the NodePool lacks adds nothing", () => {
    const ds = daemonSet("agent", { requests: { cpu: "1" }, nodeSelector: { team: "x" } });
    const c = run({ pods: [pod("p", { requests: { cpu: "1" } })], daemonSets: [ds] }).nodeClaims[0]!;
    expect([c.instanceType, c.requests.get("cpu")]).toEqual(["small-instance-type", 1000]);
  });

  test("a DaemonSet selecting a label the NodePool sets adds its overhead", () => {
    const ds = daemonSet("agent", { requests: { cpu: "1" }, nodeSelector: { team: "x" } });
    const np = nodePool("default", { labels: { team: "x" } });
    expect(run({ pods: [pod("p", { requests: { cpu: "1" } })], nodePools: [np], daemonSets: [ds] }).nodeClaims[0]!.instanceType).toBe("default-instance-type");
  });

  test("a DaemonSet's required OR terms: a later term can make it compatible", () => {
    const either = daemonSet("agent", { requests: { cpu: "1" }, affinity: requiredTerms([req("team", "In", "x")], [req(ARCH, "In", "amd64")]) });
    expect(run({ pods: [pod("p", { requests: { cpu: "1" } })], daemonSets: [either] }).nodeClaims[0]!.instanceType).toBe("default-instance-type");
    const neither = daemonSet("agent", { requests: { cpu: "1" }, affinity: requiredTerms([req("team", "In", "x")]) });
    expect(run({ pods: [pod("p", { requests: { cpu: "1" } })], daemonSets: [neither] }).nodeClaims[0]!.instanceType).toBe("small-instance-type");
  });

  test("a DaemonSet too large for the small type steers to a bigger one", () => {
    const ds = daemonSet("agent", { requests: { cpu: "1500m" } });
    expect(run({ pods: [pod("p", { requests: { cpu: "500m" } })], daemonSets: [ds] }).nodeClaims[0]!.instanceType).toBe("default-instance-type");
  });

  test("claim requests carry the smallest overhead among the remaining options", () => {
    // The arm-only DaemonSet is overhead on arm; the claim can still launch small, so the minimum is zero.
    const ds = daemonSet("arm-agent", { requests: { cpu: "2" }, nodeSelector: { [ARCH]: "arm64" } });
    const c = run({ pods: [pod("p", { requests: { cpu: "1" } })], daemonSets: [ds] }).nodeClaims[0]!;
    expect(Object.fromEntries(c.requests)).toEqual({ cpu: 1000, pods: 1 });
    expect(c.instanceTypeOptions).toContain("arm-instance-type");
  });

  test("two DaemonSets add up", () => {
    const r = run({
      pods: [pod("p", { requests: { cpu: "500m" } })],
      daemonSets: [daemonSet("a", { requests: { cpu: "500m" } }), daemonSet("b", { requests: { cpu: "1" } })],
    });
    const c = r.nodeClaims[0]!;
    expect([c.instanceType, c.requests.get("cpu"), c.requests.get("pods")]).toEqual(["default-instance-type", 2000, 3]);
  });
});

describe("host ports", () => {
  test("the same port with different protocols shares a node", () => {
    const pods = [pod("tcp", { ports: [{ hostPort: 53, protocol: "TCP" }] }), pod("udp", { ports: [{ hostPort: 53, protocol: "UDP" }] })];
    expect(run({ pods }).nodeClaims).toHaveLength(1);
  });

  test("the same port on different specific IPs shares a node", () => {
    const pods = [pod("a", { ports: [{ hostPort: 80, hostIP: "10.0.0.1" }] }), pod("b", { ports: [{ hostPort: 80, hostIP: "10.0.0.2" }] })];
    expect(run({ pods }).nodeClaims).toHaveLength(1);
  });

  test("an unspecified IP conflicts with a specific one", () => {
    const pods = [pod("a", { ports: [{ hostPort: 80, hostIP: "0.0.0.0" }] }), pod("b", { ports: [{ hostPort: 80, hostIP: "10.0.0.2" }] })];
    expect(run({ pods }).nodeClaims).toHaveLength(2);
  });

  test("a pod never conflicts with itself", () => {
    const p = pod("p", { ports: [{ hostPort: 80 }, { hostPort: 80 }] });
    expect(run({ pods: [p] }).nodeClaims).toHaveLength(1);
  });

  test("a DaemonSet's port on a different number does not block", () => {
    const ds = daemonSet("agent", { ports: [{ hostPort: 9100 }] });
    expect(run({ pods: [pod("p", { ports: [{ hostPort: 80 }] })], daemonSets: [ds] }).nodeClaims).toHaveLength(1);
  });

  test("a DaemonSet's port only blocks where the DaemonSet runs", () => {
    const ds = daemonSet("arm-agent", { ports: [{ hostPort: 80 }], nodeSelector: { [ARCH]: "arm64" } });
    const c = run({ pods: [pod("p", { ports: [{ hostPort: 80 }] })], daemonSets: [ds] }).nodeClaims[0]!;
    expect(c.instanceType).toBe("small-instance-type");
    expect(c.instanceTypeOptions).not.toContain("arm-instance-type");
  });

  test("three pods on one port need three nodes", () => {
    expect(run({ pods: replicas("p", 3, { ports: [{ hostPort: 8080 }] }) }).nodeClaims.map((c) => c.pods.length)).toEqual([1, 1, 1]);
  });
});
