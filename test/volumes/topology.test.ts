/**
 * Upstream's volume topology tests, translated one by one (Karpenter v1.14.1
 * pkg/controllers/provisioning/suite_test.go "Volume Topology Requirements" and
 * pkg/controllers/provisioning/scheduling/suite_test.go "VolumeUsage" topology cases). A translated test's title is
 * `upstream(file, path)`, which the upstream ledger (test/scenarios/upstream/) counts.
 */
import { describe, expect, test } from "vitest";
import type { VolumeObjects } from "../../src/volumes/index.js";
import { nodePool, pod, Provisioner, req, requiredTerms, run } from "../scenarios/helpers.js";
import { claim, HOSTNAME, podWithClaims, podWithEphemeral, storageClass, volume, ZONE } from "./fixtures.js";
import { upstream } from "../scenarios/upstream/files.js";

// Upstream's BeforeEach: a WaitForFirstConsumer class limited to zones 2 and 3.
const sc = storageClass("my-storage-class", { zones: ["test-zone-2", "test-zone-3"], bindingMode: "WaitForFirstConsumer" });
const zone13 = requiredTerms([req(ZONE, "In", "test-zone-1", "test-zone-3")]);
const zone1 = requiredTerms([req(ZONE, "In", "test-zone-1")]);

function zoneOf(result: ReturnType<typeof run>, podName: string): string | undefined {
  return result.nodeClaims.find((c) => c.pods.includes(podName))?.zone;
}

describe("volume topology in provisioning", () => {
  test(upstream("provisioning/suite", "Volume Topology Requirements › should not schedule if invalid pvc"), () => {
    const r = run({ pods: [podWithClaims("p", ["invalid"])], volumes: {} });
    expect(r.unschedulable).toEqual([
      { pod: "default/p", code: "volume-not-found", message: 'volume "vol-0" uses claim default/invalid, which is not in the input', nodePools: [] },
    ]);
    expect(r.summary).toMatchObject({ pods: 1, scheduled: 0 });
  });

  test(upstream("provisioning/suite", "Volume Topology Requirements › should schedule with an empty storage class if the pvc is bound"), () => {
    const volumes: VolumeObjects = {
      persistentVolumeClaims: [claim("c", { storageClassName: "", volumeName: "test-volume" })],
      persistentVolumes: [volume("test-volume")],
    };
    expect(run({ pods: [podWithClaims("p", ["c"])], volumes }).summary.scheduled).toBe(1);
  });

  test(upstream("provisioning/suite", "Volume Topology Requirements › should not schedule with an empty storage class if the pvc is not bound"), () => {
    const r = run({ pods: [podWithClaims("p", ["c"])], volumes: { persistentVolumeClaims: [claim("c", { storageClassName: "" })] } });
    expect(r.unschedulable.map((u) => u.code)).toEqual(["volume-invalid"]);
  });

  test(upstream("provisioning/suite", "Volume Topology Requirements › should schedule with a missing storage class if the pvc is bound"), () => {
    const volumes: VolumeObjects = {
      persistentVolumeClaims: [claim("c", { storageClassName: "missing-storage-class", volumeName: "test-volume" })],
      persistentVolumes: [volume("test-volume")],
    };
    expect(run({ pods: [podWithClaims("p", ["c"])], volumes }).summary.scheduled).toBe(1);
  });

  test(upstream("provisioning/suite", "Volume Topology Requirements › should not schedule with a missing storage class if the pvc is not bound"), () => {
    const r = run({ pods: [podWithClaims("p", ["c"])], volumes: { persistentVolumeClaims: [claim("c", { storageClassName: "missing-storage-class" })] } });
    expect(r.unschedulable.map((u) => [u.code, u.message])).toEqual([
      ["volume-not-found", 'claim default/c is unbound and its StorageClass "missing-storage-class" is not in the input'],
    ]);
  });

  test(upstream("provisioning/suite", "Volume Topology Requirements › should schedule valid pods when a pod with an invalid pvc is encountered (pvc)"), () => {
    const r = run({ pods: [podWithClaims("invalid", ["invalid"]), pod("valid")], volumes: {} });
    expect(r.unschedulable.map((u) => u.pod)).toEqual(["default/invalid"]);
    expect(r.summary).toMatchObject({ pods: 2, scheduled: 1 });
  });

  test(
    upstream("provisioning/suite", "Volume Topology Requirements › should schedule valid pods when a pod with an invalid pvc is encountered (storage class)"),
    () => {
      const volumes: VolumeObjects = { persistentVolumeClaims: [claim("c", { storageClassName: "invalid-storage-class" })] };
      const r = run({ pods: [podWithClaims("invalid", ["c"]), pod("valid")], volumes });
      expect(r.unschedulable.map((u) => u.pod)).toEqual(["default/invalid"]);
      expect(r.summary.scheduled).toBe(1);
    },
  );

  test(
    upstream("provisioning/suite", "Volume Topology Requirements › should schedule valid pods when a pod with an invalid pvc is encountered (volume name)"),
    () => {
      const volumes: VolumeObjects = { persistentVolumeClaims: [claim("c", { volumeName: "invalid-volume-name" })] };
      const r = run({ pods: [podWithClaims("invalid", ["c"]), pod("valid")], volumes });
      expect(r.unschedulable.map((u) => [u.pod, u.code])).toEqual([["default/invalid", "volume-not-found"]]);
      expect(r.summary.scheduled).toBe(1);
    },
  );

  test(upstream("provisioning/suite", "Volume Topology Requirements › should schedule to storage class zones if volume does not exist"), () => {
    const volumes: VolumeObjects = { storageClasses: [sc], persistentVolumeClaims: [claim("c", { storageClassName: sc.metadata.name ?? "" })] };
    const r = run({ pods: [podWithClaims("p", ["c"], { affinity: zone13 })], volumes });
    expect(zoneOf(r, "default/p")).toBe("test-zone-3");
  });

  test(
    upstream("provisioning/suite", "Volume Topology Requirements › should schedule to storage class zones if volume does not exist (ephemeral volume)"),
    () => {
      const volumes: VolumeObjects = { storageClasses: [sc], persistentVolumeClaims: [claim("p-tmp", { storageClassName: "my-storage-class" })] };
      const r = run({ pods: [podWithEphemeral("p", "my-storage-class", { affinity: zone13 })], volumes });
      expect(zoneOf(r, "default/p")).toBe("test-zone-3");
    },
  );

  test(upstream("provisioning/suite", "Volume Topology Requirements › should not schedule if storage class zones are incompatible"), () => {
    const volumes: VolumeObjects = { storageClasses: [sc], persistentVolumeClaims: [claim("c", { storageClassName: "my-storage-class" })] };
    const r = run({ pods: [podWithClaims("p", ["c"], { affinity: zone1 })], volumes });
    expect(r.summary.scheduled).toBe(0);
    expect(r.unschedulable.map((u) => u.code)).toEqual(["incompatible-requirements"]);
  });

  test(upstream("provisioning/suite", "Volume Topology Requirements › should not schedule if storage class zones are incompatible (ephemeral volume)"), () => {
    const volumes: VolumeObjects = { storageClasses: [sc], persistentVolumeClaims: [claim("p-tmp", { storageClassName: "my-storage-class" })] };
    expect(run({ pods: [podWithEphemeral("p", "my-storage-class", { affinity: zone1 })], volumes }).summary.scheduled).toBe(0);
  });

  test(upstream("provisioning/suite", "Volume Topology Requirements › should schedule to volume zones if volume already bound"), () => {
    const volumes: VolumeObjects = {
      storageClasses: [sc],
      persistentVolumes: [volume("pv", { zones: ["test-zone-3"] })],
      persistentVolumeClaims: [claim("c", { volumeName: "pv", storageClassName: "my-storage-class" })],
    };
    expect(zoneOf(run({ pods: [podWithClaims("p", ["c"])], volumes }), "default/p")).toBe("test-zone-3");
  });

  test(upstream("provisioning/suite", "Volume Topology Requirements › should schedule to volume zones if volume already bound (ephemeral volume)"), () => {
    const volumes: VolumeObjects = {
      storageClasses: [sc],
      persistentVolumes: [volume("pv", { zones: ["test-zone-3"] })],
      persistentVolumeClaims: [claim("p-tmp", { volumeName: "pv", storageClassName: "my-storage-class" })],
    };
    expect(zoneOf(run({ pods: [podWithEphemeral("p", "my-storage-class")], volumes }), "default/p")).toBe("test-zone-3");
  });

  const localPath = storageClass("local-path", { provisioner: "kubernetes.io/no-provisioner" });
  const hostnameTerm = [{ matchExpressions: [req(HOSTNAME, "In", "some-random-node")] }];
  const IGNORE_HOSTNAME = {
    "when using local volumes": upstream(
      "provisioning/suite",
      "Volume Topology Requirements › should ignore hostname affinity scheduling when using local path volumes › when using local volumes",
    ),
    "when using hostpath volumes": upstream(
      "provisioning/suite",
      "Volume Topology Requirements › should ignore hostname affinity scheduling when using local path volumes › when using hostpath volumes",
    ),
  } as const;
  const IGNORE_HOSTNAME_EPHEMERAL = {
    "when using local volumes": upstream(
      "provisioning/suite",
      "Volume Topology Requirements › should ignore hostname affinity scheduling when using local path volumes (ephemeral volume) › when using local volumes",
    ),
    "when using hostpath volumes": upstream(
      "provisioning/suite",
      "Volume Topology Requirements › should ignore hostname affinity scheduling when using local path volumes (ephemeral volume) › when using hostpath volumes",
    ),
  } as const;
  for (const [entry, options] of [
    ["when using local volumes", { local: true }],
    ["when using hostpath volumes", { hostPath: true }],
  ] as const) {
    test(IGNORE_HOSTNAME[entry], () => {
      const volumes: VolumeObjects = {
        storageClasses: [localPath],
        persistentVolumes: [volume("pv", { ...options, terms: hostnameTerm })],
        persistentVolumeClaims: [claim("c", { volumeName: "pv", storageClassName: "local-path" })],
      };
      expect(run({ pods: [podWithClaims("p", ["c"])], volumes }).summary.scheduled).toBe(1);
    });

    test(IGNORE_HOSTNAME_EPHEMERAL[entry], () => {
      const volumes: VolumeObjects = {
        storageClasses: [localPath],
        persistentVolumes: [volume("pv", { ...options, terms: hostnameTerm })],
        persistentVolumeClaims: [claim("p-tmp", { volumeName: "pv", storageClassName: "local-path" })],
      };
      expect(run({ pods: [podWithEphemeral("p", "local-path")], volumes }).summary.scheduled).toBe(1);
    });
  }

  test(upstream("provisioning/suite", "Volume Topology Requirements › should not ignore hostname affinity when using non-local path volumes"), () => {
    const volumes: VolumeObjects = {
      storageClasses: [sc],
      persistentVolumes: [volume("pv", { terms: hostnameTerm })],
      persistentVolumeClaims: [claim("c", { volumeName: "pv", storageClassName: "my-storage-class" })],
    };
    expect(run({ pods: [podWithClaims("p", ["c"])], volumes }).summary.scheduled).toBe(0);
  });

  test(upstream("provisioning/suite", "Volume Topology Requirements › should not schedule if volume zones are incompatible"), () => {
    const volumes: VolumeObjects = {
      storageClasses: [sc],
      persistentVolumes: [volume("pv", { zones: ["test-zone-3"] })],
      persistentVolumeClaims: [claim("c", { volumeName: "pv", storageClassName: "my-storage-class" })],
    };
    expect(run({ pods: [podWithClaims("p", ["c"], { affinity: zone1 })], volumes }).summary.scheduled).toBe(0);
  });

  test(upstream("provisioning/suite", "Volume Topology Requirements › should not schedule if volume zones are incompatible (ephemeral volume)"), () => {
    const volumes: VolumeObjects = {
      storageClasses: [sc],
      persistentVolumes: [volume("pv", { zones: ["test-zone-3"] })],
      persistentVolumeClaims: [claim("p-tmp", { volumeName: "pv", storageClassName: "my-storage-class" })],
    };
    expect(run({ pods: [podWithEphemeral("p", "my-storage-class", { affinity: zone1 })], volumes }).summary.scheduled).toBe(0);
  });

  test(upstream("provisioning/suite", "Volume Topology Requirements › should not relax an added volume topology zone node-selector away"), () => {
    const volumes: VolumeObjects = {
      storageClasses: [sc],
      persistentVolumes: [volume("pv", { zones: ["test-zone-3"] })],
      persistentVolumeClaims: [claim("c", { volumeName: "pv", storageClassName: "my-storage-class" })],
    };
    // Two ORed terms: the first cannot be met, the second (on-demand) can; the zone must hold in both.
    const affinity = requiredTerms([req("example.com/label", "In", "unsupported")], [req("karpenter.sh/capacity-type", "In", "on-demand")]);
    expect(zoneOf(run({ pods: [podWithClaims("p", ["c"], { affinity })], volumes }), "default/p")).toBe("test-zone-3");
  });
});

describe("volume topology in the scheduler", () => {
  const antiAffinity = (app: string) => ({
    labels: { app },
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey: ZONE }] } },
  });

  test(upstream("scheduling/suite", "VolumeUsage › should schedule pods using a PV with multiple zones"), () => {
    const terms = [{ matchExpressions: [req(ZONE, "In", "test-zone-1")] }, { matchExpressions: [req(ZONE, "In", "test-zone-2")] }];
    const volumes: VolumeObjects = {
      persistentVolumes: [0, 1].map((i) => volume(`multi-zone-pv-${i}`, { terms })),
      persistentVolumeClaims: [0, 1].map((i) => claim(`multi-zone-pvc-${i}`, { volumeName: `multi-zone-pv-${i}` })),
    };
    const pods = [0, 1].map((i) => podWithClaims(`pod-${i}`, [`multi-zone-pvc-${i}`], antiAffinity("multi-zone-app")));
    const r = run({ pods, volumes });
    const zones = pods.map((p) => zoneOf(r, `default/${p.metadata.name ?? ""}`));
    for (const z of zones) expect(["test-zone-1", "test-zone-2"]).toContain(z);
    expect(zones[0]).not.toBe(zones[1]);
  });

  const PRESERVE_ALTERNATIVES = {
    "for local volumes": upstream(
      "scheduling/suite",
      "VolumeUsage › should preserve unconstrained PV alternatives after ignoring hostname affinity › for local volumes",
    ),
    "for hostpath volumes": upstream(
      "scheduling/suite",
      "VolumeUsage › should preserve unconstrained PV alternatives after ignoring hostname affinity › for hostpath volumes",
    ),
  } as const;
  for (const [entry, options] of [
    ["for local volumes", { local: true }],
    ["for hostpath volumes", { hostPath: true }],
  ] as const) {
    test(PRESERVE_ALTERNATIVES[entry], () => {
      const terms = [{ matchExpressions: [req(HOSTNAME, "In", "existing-host")] }, { matchExpressions: [req(ZONE, "In", "invalid-zone")] }];
      const volumes: VolumeObjects = {
        persistentVolumes: [volume("hostname-or-zone-pv", { ...options, terms })],
        persistentVolumeClaims: [claim("hostname-or-zone-pvc", { volumeName: "hostname-or-zone-pv" })],
      };
      expect(run({ pods: [podWithClaims("hostname-or-zone-pod", ["hostname-or-zone-pvc"])], volumes }).summary.scheduled).toBe(1);
    });
  }

  test(upstream("scheduling/suite", "VolumeUsage › should schedule pods using a StorageClass with multiple zones in AllowedTopologies"), () => {
    const multi = storageClass("multi-zone-sc", {
      bindingMode: "WaitForFirstConsumer",
      allowedTopologies: [
        { matchLabelExpressions: [{ key: ZONE, values: ["test-zone-1"] }] },
        { matchLabelExpressions: [{ key: ZONE, values: ["test-zone-2"] }] },
      ],
    });
    const volumes: VolumeObjects = {
      storageClasses: [multi],
      persistentVolumeClaims: [0, 1].map((i) => claim(`multi-zone-pvc-${i}`, { storageClassName: "multi-zone-sc" })),
    };
    const pods = [0, 1].map((i) => podWithClaims(`sc-pod-${i}`, [`multi-zone-pvc-${i}`], antiAffinity("multi-zone-sc-app")));
    const r = run({ pods, volumes });
    const zones = pods.map((p) => zoneOf(r, `default/${p.metadata.name ?? ""}`));
    for (const z of zones) expect(["test-zone-1", "test-zone-2"]).toContain(z);
    expect(zones[0]).not.toBe(zones[1]);
  });

  test(
    upstream("scheduling/suite", "VolumeUsage › should schedule pods when a valid multi-volume topology alternative remains after pruning disjoint branches"),
    () => {
      // Upstream's exotic label is the fake catalogue's `special` (optional on large types, absent elsewhere).
      const a = storageClass("pruned-overlap-a", {
        bindingMode: "WaitForFirstConsumer",
        allowedTopologies: [
          { matchLabelExpressions: [{ key: "special", values: ["required"] }] },
          { matchLabelExpressions: [{ key: "special", values: ["optional"] }] },
        ],
      });
      const b = storageClass("pruned-overlap-b", {
        bindingMode: "WaitForFirstConsumer",
        allowedTopologies: [
          {
            matchLabelExpressions: [
              { key: ZONE, values: ["test-zone-1"] },
              { key: "special", values: ["optional"] },
            ],
          },
          {
            matchLabelExpressions: [
              { key: ZONE, values: ["test-zone-2"] },
              { key: "special", values: ["required"] },
            ],
          },
        ],
      });
      const volumes: VolumeObjects = {
        storageClasses: [a, b],
        persistentVolumeClaims: [
          claim("pruned-overlap-pvc-a", { storageClassName: "pruned-overlap-a" }),
          claim("pruned-overlap-pvc-b", { storageClassName: "pruned-overlap-b" }),
        ],
      };
      const r = run({ pods: [podWithClaims("pruned-overlap-pod", ["pruned-overlap-pvc-a", "pruned-overlap-pvc-b"])], volumes });
      const c = r.nodeClaims[0];
      expect(c?.zone).toBe("test-zone-1");
      expect(c?.requirements.find((x) => x.key === "special")?.values).toEqual(["optional"]);
    },
  );

  test(upstream("scheduling/suite", "VolumeUsage › should not launch nodes for pod with unbound volume for volumeBindingMode immediate"), () => {
    const volumes: VolumeObjects = {
      storageClasses: [storageClass("immediate", { bindingMode: "Immediate" })],
      persistentVolumeClaims: [claim("c", { storageClassName: "immediate" })],
    };
    expect(run({ pods: [podWithClaims("p", ["c"])], volumes }).unschedulable.map((u) => u.code)).toEqual(["volume-invalid"]);
  });

  test(upstream("scheduling/suite", "VolumeUsage › should not launch nodes for pod with deleting persistentVolumeClaim"), () => {
    const volumes: VolumeObjects = { storageClasses: [sc], persistentVolumeClaims: [claim("c", { storageClassName: "my-storage-class", deleting: true })] };
    expect(run({ pods: [podWithClaims("p", ["c"])], volumes }).unschedulable.map((u) => u.message)).toEqual(["claim default/c is being deleted"]);
  });

  test(upstream("scheduling/suite", "VolumeUsage › should not launch nodes for pod with bound persistentVolume that is marked for deletion"), () => {
    const volumes: VolumeObjects = {
      storageClasses: [sc],
      persistentVolumes: [volume("pv", { zones: ["test-zone-1"], deleting: true })],
      persistentVolumeClaims: [claim("c", { volumeName: "pv", storageClassName: "my-storage-class" })],
    };
    expect(run({ pods: [podWithClaims("p", ["c"])], volumes }).unschedulable.map((u) => u.code)).toEqual(["volume-invalid"]);
  });

  test(upstream("scheduling/suite", "VolumeUsage › should not launch nodes for pod with Lost persistentVolumeClaim"), () => {
    const volumes: VolumeObjects = { storageClasses: [sc], persistentVolumeClaims: [claim("c", { storageClassName: "my-storage-class", phase: "Lost" })] };
    expect(run({ pods: [podWithClaims("p", ["c"])], volumes }).unschedulable.map((u) => u.code)).toEqual(["volume-invalid"]);
  });

  const BIND_COMPLETED = {
    missing: upstream(
      "scheduling/suite",
      "VolumeUsage › should handle pods with PVCs with defined volumeName › when pv.kubernetes.io/bind-completed is missing",
    ),
    present: upstream(
      "scheduling/suite",
      "VolumeUsage › should handle pods with PVCs with defined volumeName › when pv.kubernetes.io/bind-completed is present",
    ),
  } as const;
  for (const entry of ["missing", "present"] as const) {
    test(BIND_COMPLETED[entry], () => {
      const bound = claim("tmp-ephemeral", { volumeName: "pv", storageClassName: "default-storage-class" });
      const volumes: VolumeObjects = {
        storageClasses: [storageClass("default-storage-class", { provisioner: "other-provider", bindingMode: "WaitForFirstConsumer", zones: ["test-zone-1"] })],
        persistentVolumes: [volume("pv", { driver: "other-provider" })],
        persistentVolumeClaims: [entry === "present" ? bound : { ...bound, metadata: { ...bound.metadata, annotations: {} } }],
      };
      expect(run({ pods: [podWithClaims("p", ["tmp-ephemeral"])], volumes }).summary.scheduled).toBe(entry === "present" ? 1 : 0);
    });
  }

  // Upstream's tables "should launch nodes for pods with ephemeral volume without a storage class when the PVC is
  // bound" and "should not launch nodes ... when the PVC is unbound": their titles stand on the line after
  // `DescribeTable(`, which the title extractor reads as an empty segment, so the second table's entries carry ` #2`.
  const WITHOUT_CLASS_BOUND = {
    missing: upstream("scheduling/suite", "VolumeUsage ›  › non-existent storage class"),
    empty: upstream("scheduling/suite", "VolumeUsage ›  › explicitly disabled storage class (empty string)"),
  } as const;
  const WITHOUT_CLASS_UNBOUND = {
    missing: upstream("scheduling/suite", "VolumeUsage ›  › non-existent storage class #2"),
    empty: upstream("scheduling/suite", "VolumeUsage ›  › explicitly disabled storage class (empty string) #2"),
  } as const;
  for (const [entry, className] of [
    ["missing", "non-existent"],
    ["empty", ""],
  ] as const) {
    test(WITHOUT_CLASS_BOUND[entry], () => {
      const volumes: VolumeObjects = {
        persistentVolumes: [volume("test-pv")],
        persistentVolumeClaims: [claim("p-tmp", { storageClassName: className, volumeName: "test-pv" })],
      };
      const r = run({ pods: [podWithEphemeral("p", className)], volumes });
      expect(r.nodeClaims).toHaveLength(1);
      expect(r.unschedulable).toEqual([]);
    });

    test(WITHOUT_CLASS_UNBOUND[entry], () => {
      const r = run({ pods: [podWithEphemeral("p", className)], volumes: {} });
      expect(r.nodeClaims).toEqual([]);
      expect(r.unschedulable.map((u) => u.code)).toEqual([className === "" ? "volume-invalid" : "volume-not-found"]);
    });
  }

  test("nodefit: an ephemeral volume whose claim is not in the input reads its template, and no class there means the default class", () => {
    const volumes: VolumeObjects = {
      storageClasses: [storageClass("default-sc", { zones: ["test-zone-2"], bindingMode: "WaitForFirstConsumer", isDefault: true })],
    };
    expect(zoneOf(run({ pods: [podWithEphemeral("p", undefined)], volumes }), "default/p")).toBe("test-zone-2");
  });

  test("nodefit: of several default classes the newest is the default, as Kubernetes' admission picks it", () => {
    const volumes: VolumeObjects = {
      storageClasses: [
        storageClass("older", { zones: ["test-zone-1"], bindingMode: "WaitForFirstConsumer", isDefault: true, created: "2024-01-01T00:00:00Z" }),
        storageClass("newer", { zones: ["test-zone-3"], bindingMode: "WaitForFirstConsumer", isDefault: true, created: "2025-01-01T00:00:00Z" }),
      ],
    };
    expect(zoneOf(run({ pods: [podWithEphemeral("p", undefined)], volumes }), "default/p")).toBe("test-zone-3");
  });
});

describe("topology spread with volume requirements", () => {
  const labels = { app: "test" };
  const spread = [{ topologyKey: ZONE, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: labels }, maxSkew: 1, minDomains: 3 }];
  const onDemand = nodePool("default", { requirements: [req("karpenter.sh/capacity-type", "In", "on-demand")] });
  const volumes: VolumeObjects = {
    persistentVolumes: [volume("test-pv", { zones: ["test-zone-1"] })],
    persistentVolumeClaims: [claim("test-pvc", { volumeName: "test-pv" })],
  };

  test(upstream("scheduling/topology", "should schedule pod with PVC and TSC minDomains=3 when pods are spread across 3 zones"), () => {
    const c = new Provisioner();
    const initial = [0, 1, 2].map((i) => pod(`initial-${i}`, { labels, topologySpreadConstraints: spread }));
    expect(c.provision(initial, [onDemand], { volumes }).summary.scheduled).toBe(3);
    expect(c.skew(ZONE, labels)).toEqual([1, 1, 1]);
    // The volume's zone narrows the node only: spread still counts the three zones the pod's own affinity allows.
    const withClaim = podWithClaims("with-pvc", ["test-pvc"], { labels, topologySpreadConstraints: spread });
    expect(c.provision([withClaim], [onDemand], { volumes }).summary.scheduled).toBe(1);
    expect(c.nodeLabelsOf("with-pvc")?.[ZONE]).toBe("test-zone-1");
    expect(c.skew(ZONE, labels)).toEqual([1, 1, 2]);
  });

  test("a zonal volume still keeps a pod whose spread allows no more in the volume's zone pending (nodefit's own)", () => {
    const c = new Provisioner();
    const skewed = [{ topologyKey: ZONE, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: labels }, maxSkew: 1 }];
    c.provision(
      [0, 1, 2].map((i) => pod(`initial-${i}`, { labels, topologySpreadConstraints: skewed })),
      [onDemand],
    );
    c.provision([podWithClaims("zone-1-a", ["test-pvc"], { labels, topologySpreadConstraints: skewed })], [onDemand], { volumes });
    // zone-1 now has 2, the others 1: a third in zone-1 would make the skew 2.
    const r = c.provision([podWithClaims("zone-1-b", ["test-pvc"], { labels, topologySpreadConstraints: skewed })], [onDemand], { volumes });
    expect(r.unschedulable.map((u) => u.pod)).toEqual(["default/zone-1-b"]);
  });
});
