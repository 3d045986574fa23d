/**
 * Per-pod data compiled once per equivalence class: pods whose specs are identical (the replicas of one
 * workload) share requests, requirements, tolerations and host ports, and a class id that memo tables key on.
 *
 * @module
 */
import { podHostPorts, podRequests, type HostPort, type ResourceList } from "../resources/index.js";
import { podRequirements, type Requirements } from "../requirements/index.js";
import type { Pod, PodSpec, Toleration } from "../types/kubernetes.js";
import { volumeAlternativesOf, type VolumeAlternative } from "../volumes/index.js";
import type { Attempt } from "./context.js";
import { validatePodSpec, type PodValidationFailure } from "./validate.js";

/** What scheduling needs from a pod spec, computed once per distinct spec. */
export interface PodClass {
  /** Dense id, for memo tables. */
  readonly id: number;
  readonly requests: ResourceList;
  /** The requirements placement uses (strict under `Ignore`). */
  readonly requirements: Requirements;
  /** Required terms only: topology domains and DaemonSet compatibility use these. */
  readonly strictRequirements: Requirements;
  readonly tolerations: readonly Toleration[];
  readonly hostPorts: readonly HostPort[];
  /**
   * One class per volume alternative, in upstream's order: {@link PodClass.requirements} with the alternative
   * added (the node must meet it), the same strict requirements (topology counts with the pod's own affinity).
   * Empty when the pod's volumes constrain nothing.
   */
  readonly volumeClasses: readonly PodClass[];
}

/** A compiled class, or why the spec cannot be scheduled at all. */
export type CompiledPod = { readonly ok: true; readonly podClass: PodClass } | { readonly ok: false; readonly failure: PodValidationFailure };

/** Compiles pod specs into {@link PodClass}es, sharing one class per distinct spec. */
export class PodClassCompiler {
  private readonly byKey = new Map<string, CompiledPod>();
  private readonly bySpec = new WeakMap<PodSpec, CompiledPod>();
  private nextId = 0;

  /**
   * @param ignorePreferences - compile placement requirements in strict form
   * @param wellKnownLabels - keys exempt from the restricted-domain rule
   */
  constructor(
    private readonly ignorePreferences: boolean,
    private readonly wellKnownLabels: ReadonlySet<string>,
  ) {}

  /**
   * The class of a pod's spec, compiling it on first sight.
   *
   * @param pod - a pod (possibly a relaxed copy)
   * @returns its class, or the validation failure
   */
  compile(pod: Pod): CompiledPod {
    const spec = pod.spec;
    const seen = this.bySpec.get(spec);
    if (seen !== undefined) return seen;
    const alternatives = volumeAlternativesOf(spec);
    const key = alternatives.length === 0 ? specKey(spec) : `${specKey(spec)}|${JSON.stringify(alternatives.map((a) => a.expressions))}`;
    let compiled = this.byKey.get(key);
    if (compiled === undefined) {
      compiled = this.build(spec, alternatives);
      this.byKey.set(key, compiled);
    }
    this.bySpec.set(spec, compiled);
    return compiled;
  }

  private build(spec: PodSpec, alternatives: readonly VolumeAlternative[]): CompiledPod {
    const failure = validatePodSpec(spec, this.wellKnownLabels);
    if (failure !== undefined) return { ok: false, failure };
    try {
      const strictRequirements = podRequirements(spec, { strict: true });
      const requirements = this.ignorePreferences ? strictRequirements : podRequirements(spec);
      const podClass: PodClass = {
        id: this.nextId++,
        requests: podRequests(spec),
        requirements,
        strictRequirements,
        tolerations: spec.tolerations ?? [],
        hostPorts: podHostPorts(spec),
        volumeClasses: [],
      };
      if (alternatives.length === 0) return { ok: true, podClass };
      // Same id: the variants share the class's memo entries (requests) and are only tried inside a target's check.
      const volumeClasses = alternatives.map((a): PodClass => ({ ...podClass, requirements: requirements.add(a.requirements) }));
      return { ok: true, podClass: { ...podClass, volumeClasses } };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, failure: { code: "invalid-pod", message } };
    }
  }
}

/** A spec's identity for class sharing: the spec without its node name. */
function specKey(spec: PodSpec): string {
  if (spec.nodeName === undefined) return JSON.stringify(spec);
  const { nodeName: _ignored, ...rest } = spec;
  return JSON.stringify(rest);
}

/**
 * A target's check tried with each of the pod's volume alternatives in turn (upstream's `tryVolumeAlternative`
 * loop in `ExistingNode.CanAdd` and `NodeClaim.CanAdd`): the first that passes, else the last refusal.
 *
 * @param attempt - a pod whose class has volume classes
 * @param check - the target's check, given the attempt with one alternative's class (which has none)
 * @returns the first success, or the last refusal
 */
export function firstVolumeAlternative<R extends { readonly ok: boolean }>(attempt: Attempt, check: (attempt: Attempt) => R): R {
  const variants = attempt.podClass.volumeClasses;
  let last: R | undefined;
  for (const podClass of variants) {
    last = check({ ...attempt, podClass });
    if (last.ok) return last;
  }
  return last as R;
}
