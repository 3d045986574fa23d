/**
 * Per-pod data compiled once per equivalence class: pods whose specs are identical (the replicas of one
 * workload) share requests, requirements, tolerations and host ports, and a class id that memo tables key on.
 *
 * @module
 */
import { podHostPorts, podRequests, type HostPort, type ResourceList } from "../resources/index.js";
import { podRequirements, type Requirements } from "../requirements/index.js";
import type { Pod, PodSpec, Toleration } from "../types/kubernetes.js";
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
    const key = specKey(spec);
    let compiled = this.byKey.get(key);
    if (compiled === undefined) {
      compiled = this.build(spec);
      this.byKey.set(key, compiled);
    }
    this.bySpec.set(spec, compiled);
    return compiled;
  }

  private build(spec: PodSpec): CompiledPod {
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
      };
      return { ok: true, podClass };
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
