/**
 * Well-known, restricted and aliased node label keys, as Karpenter defines them.
 *
 * @module
 */

/**
 * The NodePool a node was launched from.
 *
 * @category Requirements
 */
export const LABEL_NODEPOOL = "karpenter.sh/nodepool";
/**
 * The zone a node runs in.
 *
 * @category Requirements
 */
export const LABEL_ZONE = "topology.kubernetes.io/zone";
/**
 * The region a node runs in.
 *
 * @category Requirements
 */
export const LABEL_REGION = "topology.kubernetes.io/region";
/**
 * The node's instance type name.
 *
 * @category Requirements
 */
export const LABEL_INSTANCE_TYPE = "node.kubernetes.io/instance-type";
/**
 * The CPU architecture (`amd64`, `arm64`).
 *
 * @category Requirements
 */
export const LABEL_ARCH = "kubernetes.io/arch";
/**
 * The operating system (`linux`, `windows`).
 *
 * @category Requirements
 */
export const LABEL_OS = "kubernetes.io/os";
/**
 * How the capacity is bought: one of {@link CAPACITY_TYPES}.
 *
 * @category Requirements
 */
export const LABEL_CAPACITY_TYPE = "karpenter.sh/capacity-type";
/**
 * The Windows build number of Windows nodes.
 *
 * @category Requirements
 */
export const LABEL_WINDOWS_BUILD = "node.kubernetes.io/windows-build";
/**
 * The node's host name; unique per node, never set from requirements.
 *
 * @category Requirements
 */
export const LABEL_HOSTNAME = "kubernetes.io/hostname";

/**
 * Labels that may stay undefined on the NodeClaim side because instance types and offerings supply
 * them (upstream `WellKnownLabels` before providers extend it).
 * @category Requirements
 */
export const WELL_KNOWN_LABELS: ReadonlySet<string> = new Set([
  LABEL_NODEPOOL,
  LABEL_ZONE,
  LABEL_REGION,
  LABEL_INSTANCE_TYPE,
  LABEL_ARCH,
  LABEL_OS,
  LABEL_CAPACITY_TYPE,
  LABEL_WINDOWS_BUILD,
]);

/**
 * The capacity types Karpenter knows, in its order of precedence for reporting.
 *
 * @category Requirements
 */
export const CAPACITY_TYPES: readonly string[] = ["on-demand", "spot", "reserved"];

/**
 * Label keys no pod or NodePool may constrain.
 *
 * @category Requirements
 */
export const RESTRICTED_LABELS: ReadonlySet<string> = new Set([LABEL_HOSTNAME]);

/**
 * Label domains (and their subdomains) reserved for Karpenter itself, except for well-known keys.
 *
 * @category Requirements
 */
export const RESTRICTED_LABEL_DOMAINS: ReadonlySet<string> = new Set(["karpenter.sh"]);

/**
 * Deprecated label keys and the keys they are rewritten to.
 *
 * @category Requirements
 */
export const LABEL_ALIASES: ReadonlyMap<string, string> = new Map([
  ["failure-domain.beta.kubernetes.io/zone", LABEL_ZONE],
  ["failure-domain.beta.kubernetes.io/region", LABEL_REGION],
  ["beta.kubernetes.io/arch", LABEL_ARCH],
  ["beta.kubernetes.io/os", LABEL_OS],
  ["beta.kubernetes.io/instance-type", LABEL_INSTANCE_TYPE],
]);

/**
 * Rewrites a deprecated label key to its current name; other keys are returned unchanged.
 *
 * @param key - a label key
 * @returns the current name of the key
 * @example
 * ```ts
 * normalizeLabelKey("beta.kubernetes.io/arch"); // "kubernetes.io/arch"
 * ```
 * @category Requirements
 */
export function normalizeLabelKey(key: string): string {
  return LABEL_ALIASES.get(key) ?? key;
}

/**
 * The domain part of a label key (before the `/`), or `""` for a key without a prefix.
 *
 * @param key - a label key
 * @returns the key's domain
 * @category Requirements
 */
export function labelDomain(key: string): string {
  const slash = key.indexOf("/");
  return slash < 0 ? "" : key.slice(0, slash);
}

/**
 * Whether pods and NodePools are forbidden to use a label key: `kubernetes.io/hostname`, and every key
 * in the `karpenter.sh` domain or a subdomain of it. Well-known keys are never restricted. The `kubernetes.io`
 * and `k8s.io` domains are allowed as custom labels.
 *
 * @param key - a label key
 * @param wellKnown - the keys exempt from the domain rule (a provider's extended set)
 * @returns true if the key is restricted
 * @example
 * ```ts
 * isRestrictedLabel("karpenter.sh/custom"); // true
 * isRestrictedLabel("karpenter.sh/capacity-type"); // false
 * ```
 * @category Requirements
 */
export function isRestrictedLabel(key: string, wellKnown: ReadonlySet<string> = WELL_KNOWN_LABELS): boolean {
  if (wellKnown.has(key)) return false;
  if (RESTRICTED_LABELS.has(key)) return true;
  const domain = labelDomain(key);
  for (const restricted of RESTRICTED_LABEL_DOMAINS) {
    if (domain === restricted || domain.endsWith(`.${restricted}`)) return true;
  }
  return false;
}
