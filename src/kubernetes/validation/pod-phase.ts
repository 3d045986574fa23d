/** The pod phases Kubernetes defines (`core/v1` PodPhase). */
export const POD_PHASES: readonly string[] = ["Pending", "Running", "Succeeded", "Failed", "Unknown"];

/**
 * Why a pod's `status.phase` is not one Kubernetes defines, or undefined when it is (or is absent).
 *
 * @param phase - the phase as written
 * @returns the reason, or undefined
 */
export function podPhaseProblem(phase: unknown): string | undefined {
  if (phase === undefined) return undefined;
  if (typeof phase === "string" && POD_PHASES.includes(phase)) return undefined;
  return `${JSON.stringify(phase) ?? String(phase)} is not a pod phase; expected one of ${POD_PHASES.map((p) => JSON.stringify(p)).join(", ")}`;
}

/**
 * Whether a pod has finished (`Succeeded` or `Failed`): it holds no resources and must never be
 * scheduled, whether or not it names a node.
 *
 * @param phase - the pod's `status.phase`
 * @returns true for a terminal phase
 */
export function isTerminalPodPhase(phase: unknown): boolean {
  return phase === "Succeeded" || phase === "Failed";
}
