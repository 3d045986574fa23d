import { describe, expect, test } from "vitest";
import { requirementsFromNodeSelectorRequirements, WELL_KNOWN_LABELS } from "../requirements/index.js";
import type { Pod } from "../types/kubernetes.js";
import type { VolumeAlternative } from "../volumes/index.js";
import { withVolumeAlternatives } from "../volumes/index.js";
import type { Attempt } from "./context.js";
import { firstVolumeAlternative, PodClassCompiler } from "./pod-data.js";

const ZONE = "topology.kubernetes.io/zone";
const pod = (name: string): Pod => ({ metadata: { name, namespace: "ns" }, spec: { containers: [{}] } });
const alternative = (zone: string): VolumeAlternative => {
  const expressions = [{ key: ZONE, operator: "In", values: [zone] }];
  return { expressions, requirements: requirementsFromNodeSelectorRequirements(expressions) };
};

describe("PodClassCompiler and volume alternatives", () => {
  const compiler = new PodClassCompiler(false, WELL_KNOWN_LABELS);
  const compile = (p: Pod) => {
    const compiled = compiler.compile(p);
    if (!compiled.ok) throw new Error(compiled.failure.message);
    return compiled.podClass;
  };

  test("one variant class per alternative: node requirements gain it, strict requirements (topology) do not", () => {
    const podClass = compile(withVolumeAlternatives(pod("a"), [alternative("z1"), alternative("z2")]));
    expect(podClass.requirements.has(ZONE)).toBe(false);
    expect(podClass.volumeClasses.map((c) => c.requirements.get(ZONE).toString())).toEqual([`${ZONE} In [z1]`, `${ZONE} In [z2]`]);
    expect(podClass.volumeClasses.every((c) => c.strictRequirements === podClass.strictRequirements && c.volumeClasses.length === 0)).toBe(true);
  });

  test("equal specs with different alternatives are different classes; equal alternatives share one", () => {
    const one = compile(withVolumeAlternatives(pod("a"), [alternative("z1")]));
    expect(compile(withVolumeAlternatives(pod("b"), [alternative("z2")])).id).not.toBe(one.id);
    expect(compile(withVolumeAlternatives(pod("c"), [alternative("z1")])).id).toBe(one.id);
    expect(compile(pod("d")).volumeClasses).toEqual([]);
  });

  test("firstVolumeAlternative: the first variant that passes, else the last refusal", () => {
    const podClass = compile(withVolumeAlternatives(pod("a"), [alternative("z1"), alternative("z2"), alternative("z3")]));
    const attempt: Attempt = { pod: pod("a"), podClass, name: "ns/a", hasTopology: false, mover: false };
    const zoneOf = (a: Attempt): string => [...a.podClass.requirements.get(ZONE).values][0] ?? "";
    const tried: string[] = [];
    const passOn = (zone: string) => (a: Attempt) => {
      tried.push(zoneOf(a));
      return zoneOf(a) === zone ? { ok: true as const, zone } : { ok: false as const, zone: zoneOf(a) };
    };
    expect(firstVolumeAlternative(attempt, passOn("z2"))).toEqual({ ok: true, zone: "z2" });
    expect(tried).toEqual(["z1", "z2"]);
    expect(firstVolumeAlternative(attempt, passOn("none"))).toEqual({ ok: false, zone: "z3" });
  });
});
