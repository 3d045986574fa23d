import type { Taint } from "../types/kubernetes.js";

/**
 * Renders a taint the way `kubectl` writes it: `key=value:Effect`, without `=value` when the value
 * is empty and without `:Effect` when the effect is empty.
 *
 * @param taint - the taint to render
 * @returns the taint as text
 * @example
 * ```ts
 * formatTaint({ key: "dedicated", value: "gpu", effect: "NoSchedule" }); // "dedicated=gpu:NoSchedule"
 * formatTaint({ key: "spot", effect: "NoExecute" }); // "spot:NoExecute"
 * ```
 * @category Taints
 */
export function formatTaint(taint: Taint): string {
  const value = taint.value ?? "";
  const withValue = value === "" ? taint.key : `${taint.key}=${value}`;
  return taint.effect === "" ? withValue : `${withValue}:${taint.effect}`;
}
