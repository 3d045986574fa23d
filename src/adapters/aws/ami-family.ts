import { InputError } from "nodefit";

/**
 * AMI families and the switches each one flips in Karpenter's AWS provider: which pod-density rule
 * applies, which device holds ephemeral storage and its default size, and the Windows build label.
 */

/**
 * The AMI families an `EC2NodeClass` can name (`spec.amiFamily` or the alias of `amiSelectorTerms`).
 *
 * @category Node classes
 */
export type AwsAmiFamily = "AL2023" | "AL2" | "Bottlerocket" | "Windows2019" | "Windows2022" | "Windows2025" | "Custom";

/**
 * The feature flags and defaults of one AMI family.
 *
 * @category Node classes
 */
export interface AwsAmiFamilyTraits {
  /** Kube-reserved memory counts ENI-limited pods even when kubelet `maxPods` is set (AL2, AL2023, Custom). */
  readonly usesEniLimitedMemoryOverhead: boolean;
  /** kubelet `podsPerCore` is honoured (not on Bottlerocket). */
  readonly podsPerCoreEnabled: boolean;
  /** Pod density follows the ENI limit; otherwise (Windows) it is 110. */
  readonly supportsEniLimitedPodDensity: boolean;
  /** The device whose volume holds kubelet's ephemeral storage. */
  readonly ephemeralDevice: string;
  /** Size of that device in the family's default block device mappings, in GiB. */
  readonly defaultEphemeralGiB: number;
  /** `node.kubernetes.io/windows-build` for Windows families. */
  readonly windowsBuild?: string;
}

const LINUX_DEFAULT: AwsAmiFamilyTraits = {
  usesEniLimitedMemoryOverhead: true,
  podsPerCoreEnabled: true,
  supportsEniLimitedPodDensity: true,
  ephemeralDevice: "/dev/xvda",
  defaultEphemeralGiB: 20,
};

const windows = (build: string): AwsAmiFamilyTraits => ({
  usesEniLimitedMemoryOverhead: false,
  podsPerCoreEnabled: true,
  supportsEniLimitedPodDensity: false,
  ephemeralDevice: "/dev/sda1",
  defaultEphemeralGiB: 50,
  windowsBuild: build,
});

const TRAITS: ReadonlyMap<AwsAmiFamily, AwsAmiFamilyTraits> = new Map<AwsAmiFamily, AwsAmiFamilyTraits>([
  ["AL2023", LINUX_DEFAULT],
  ["AL2", LINUX_DEFAULT],
  ["Custom", LINUX_DEFAULT],
  // Bottlerocket keeps its OS on a 4Gi /dev/xvda; kubelet data lives on the 20Gi /dev/xvdb.
  [
    "Bottlerocket",
    {
      usesEniLimitedMemoryOverhead: false,
      podsPerCoreEnabled: false,
      supportsEniLimitedPodDensity: true,
      ephemeralDevice: "/dev/xvdb",
      defaultEphemeralGiB: 20,
    },
  ],
  ["Windows2019", windows("10.0.17763")],
  ["Windows2022", windows("10.0.20348")],
  ["Windows2025", windows("10.0.26100")],
]);

/**
 * Every AMI family name, in the order the EC2NodeClass documentation lists them.
 *
 * @category Node classes
 */
export const AWS_AMI_FAMILIES: readonly AwsAmiFamily[] = [...TRAITS.keys()];

/**
 * The feature flags of an AMI family.
 *
 * @param family - the AMI family
 * @returns its traits
 * @example amiFamilyTraits("Bottlerocket").podsPerCoreEnabled // false
 *
 * @category Node classes
 */
export function amiFamilyTraits(family: AwsAmiFamily): AwsAmiFamilyTraits {
  const traits = TRAITS.get(family);
  if (traits === undefined) throw new InputError(`unknown AMI family "${String(family)}"; expected one of ${[...TRAITS.keys()].join(", ")}`, ["amiFamily"]);
  return traits;
}

/**
 * Whether a name is a known AMI family.
 *
 * @param name - a candidate family name
 * @returns true for one of {@link AWS_AMI_FAMILIES}
 *
 * @category Node classes
 */
export function isAwsAmiFamily(name: string): name is AwsAmiFamily {
  return TRAITS.has(name as AwsAmiFamily);
}
