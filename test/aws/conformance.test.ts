/**
 * Conformance of the AWS adapter with Karpenter's published labels and allocatable values (AL2023, default
 * kubelet settings): (a) the embedded catalogue, (b) records rebuilt from the reference for every type.
 * Reads ../shared/data/aws; skipped, with the reason, when that folder is absent.
 */
import { describe, expect, test } from "vitest";
import { awsInstanceTypes, defaultAwsCatalog } from "nodefit/aws";
import { allocatableMismatches, labelMismatches, rate } from "./compare.js";
import { loadOracle, ORACLE_MISSING_REASON, ORACLE_PRESENT } from "./oracle.js";
import { bandwidthFromReference, recordFromReference } from "./reference-records.js";

/**
 * Types of the reference (b) cannot reproduce, each with why. The test fails if one of these starts
 * matching (remove it) or another type stops matching.
 */
const NOT_REPRODUCIBLE: ReadonlyMap<string, string> = new Map(
  ["hpc6a.48xlarge", "hpc6id.32xlarge", "hpc7a.12xlarge", "hpc7a.24xlarge", "hpc7a.48xlarge", "hpc7a.96xlarge", "hpc8a.96xlarge", "trn2.48xlarge"].map(
    (name) => [
      name,
      "absent from vpc-limits.json, so there is no ENI layout to rebuild NetworkInfo from: ENI-limited pods, and the " +
        "kube-reserved memory that counts them, cannot be reproduced (cpu and ephemeral-storage still must match)",
    ],
  ),
);

// Without ../shared the suite is reported as skipped under a name that says why.
const SUITE = ORACLE_PRESENT ? "AWS conformance with Karpenter's reference allocatable" : ORACLE_MISSING_REASON;

describe.skipIf(!ORACLE_PRESENT)(SUITE, () => {
  if (!ORACLE_PRESENT) return;
  const oracle = loadOracle();

  test("(a) embedded catalogue: labels and allocatable cpu/memory/pods/ephemeral-storage equal the reference", () => {
    const catalogue = defaultAwsCatalog();
    const listed = catalogue.filter((it) => oracle.reference.has(it.name));
    const failures: string[] = [];
    let podEni = 0;
    let prices = 0;
    for (const it of listed) {
      const ref = oracle.reference.get(it.name);
      if (ref === undefined) continue;
      const problems = [...labelMismatches(it, ref), ...allocatableMismatches(it, ref)];
      if (problems.length > 0) failures.push(`${it.name}: ${problems.join("; ")}`);
      if (allocatableMismatches(it, ref, ["vpc.amazonaws.com/pod-eni"]).length === 0) podEni++;
      const price = it.offerings.find((o) => o.capacityType === "on-demand")?.price;
      const expected = oracle.prices.get(it.name);
      if (price !== undefined && expected !== undefined && Math.abs(price - expected) <= expected * 0.005) prices++;
    }
    const unlisted = catalogue.filter((it) => !oracle.reference.has(it.name)).map((it) => it.name);
    console.info(
      `[aws conformance a] embedded ${catalogue.length}, in reference ${listed.length}, exact ${rate(listed.length - failures.length, listed.length)}; ` +
        `informational: pod-eni ${rate(podEni, listed.length)}, on-demand price within 0.5% ${rate(prices, listed.length)}; not in reference: ${unlisted.join(", ") || "none"}`,
    );
    expect(failures).toEqual([]);
    expect(listed.length).toBeGreaterThan(400);
  });

  test("(b) every reference type rebuilt from its labels and vpc-limits.json reproduces the reference", () => {
    const names = [...oracle.reference.keys()];
    const records = names.map((name) => recordFromReference(name, oracle.reference.get(name)!, oracle.limits.get(name)));
    const types = awsInstanceTypes(records, { networkBandwidthMbps: bandwidthFromReference(oracle.reference), vpcLimits: oracle.limits });
    expect(types.map((t) => t.name)).toEqual(names);
    const failures = new Map<string, string[]>();
    const extended = ["nvidia.com/gpu", "amd.com/gpu", "vpc.amazonaws.com/pod-eni"];
    let extendedHits = 0;
    for (const it of types) {
      const ref = oracle.reference.get(it.name)!;
      const problems = [...labelMismatches(it, ref), ...allocatableMismatches(it, ref)];
      if (problems.length > 0) failures.set(it.name, problems);
      if (allocatableMismatches(it, ref, extended).length === 0) extendedHits++;
    }
    const matched = names.length - failures.size;
    console.info(
      `[aws conformance b] exact ${rate(matched, names.length)}; allow-listed misses ${NOT_REPRODUCIBLE.size}; ` +
        `informational: GPUs and pod-eni ${rate(extendedHits, names.length)}`,
    );
    const unexpected = [...failures].filter(([name]) => !NOT_REPRODUCIBLE.has(name)).map(([name, p]) => `${name}: ${p.join("; ")}`);
    expect(unexpected).toEqual([]);
    expect([...NOT_REPRODUCIBLE.keys()].filter((name) => !failures.has(name))).toEqual([]);
    for (const name of NOT_REPRODUCIBLE.keys()) {
      expect(
        failures.get(name)?.filter((p) => p.startsWith("cpu") || p.startsWith("ephemeral-storage")),
        name,
      ).toEqual([]);
    }
  });

  test("m5.large reports cpu 1930m, memory 6903Mi, pods 29, ephemeral-storage 17Gi in both the oracle and the catalogue", () => {
    expect(oracle.reference.get("m5.large")?.allocatable).toMatchObject({ cpu: "1930m", memory: "6903Mi", pods: "29", "ephemeral-storage": "17Gi" });
    const m5 = defaultAwsCatalog().find((t) => t.name === "m5.large");
    expect(m5 && allocatableMismatches(m5, oracle.reference.get("m5.large")!)).toEqual([]);
  });
});
