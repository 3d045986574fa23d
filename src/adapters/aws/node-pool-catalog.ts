/**
 * One catalogue for several NodePools whose EC2NodeClasses differ. Each class gets its own variant of every
 * instance type (its AMI family, kubelet settings, disks and subnet zones), restricted to the NodePools that
 * use the class by a `karpenter.sh/nodepool In [...]` requirement. The scheduler's NodePool template already
 * requires its own `karpenter.sh/nodepool`, so each NodePool sees exactly its class's variants and the core
 * stays provider-neutral: no per-NodePool input, one catalogue.
 */
import { formatPath, InputError, NodefitError, type InstanceType, type NodePool, type PathSegment } from "nodefit";
import { defaultAwsCatalog, embeddedAwsTables, embeddedCatalogOptions } from "./catalog.js";
import { describeOptions, regionOfZones } from "./describe-instance-types.js";
import { EC2_NODE_CLASS_GROUP, EC2_NODE_CLASS_KIND, ec2NodeClassOptions, type Ec2NodeClass } from "./ec2nodeclass.js";
import { awsInstanceTypes } from "./instance-type.js";
import { offeringZones } from "./offerings.js";
import type { AwsInstanceTypeOptions } from "./options.js";
import type { InstanceTypeInfo } from "./types.js";

/**
 * Karpenter's launch order on AWS (`getCapacityType`): reserved, then spot, then on-demand.
 *
 * @category Catalogue
 */
export const AWS_CAPACITY_TYPE_PRIORITY: readonly string[] = ["reserved", "spot", "on-demand"];

/**
 * Options of {@link awsCatalogForNodePools}: the catalogue's source, prices and settings shared by every class.
 *
 * @category Catalogue
 */
export interface AwsNodePoolCatalogOptions extends AwsInstanceTypeOptions {
  /** `DescribeInstanceTypes` records (see `instanceTypeRecordsFromJson`); default: the embedded catalogue. */
  readonly records?: readonly InstanceTypeInfo[] | undefined;
}

/**
 * The catalogue for a set of NodePools, and what the caller should tell the user.
 *
 * @category Catalogue
 */
export interface AwsNodePoolCatalog {
  readonly instanceTypes: readonly InstanceType[];
  /** One line per class that was not found (the defaults apply), naming the NodePools that use it. */
  readonly notes: readonly string[];
}

const KUBELET_FIELDS: ReadonlySet<string> = new Set(["maxPods", "podsPerCore", "kubeReserved", "systemReserved", "evictionHard", "evictionSoft"]);

/** Re-raises a class's bad field with the class named and the path from the EC2NodeClass's root. */
function inClass(name: string, run: () => readonly InstanceType[]): readonly InstanceType[] {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof NodefitError)) throw error;
    const first = error.path[0];
    const path: PathSegment[] =
      error.path[0] === "spec"
        ? [...error.path]
        : typeof first === "string" && KUBELET_FIELDS.has(first)
          ? ["spec", "kubelet", ...error.path]
          : ["spec", ...error.path];
    throw new InputError(`EC2NodeClass "${name}": ${formatPath(path)}: ${error.message}`, path);
  }
}

function classOptions(name: string, nodeClass: Ec2NodeClass): AwsInstanceTypeOptions {
  try {
    return ec2NodeClassOptions(nodeClass);
  } catch (error) {
    if (!(error instanceof NodefitError)) throw error;
    throw new InputError(`EC2NodeClass "${name}": ${formatPath(error.path)}: ${error.message}`, error.path);
  }
}

/** The class a NodePool names, or the class it names that is not a usable EC2NodeClass (the defaults apply). */
function resolve(pool: NodePool, classes: ReadonlyMap<string, Ec2NodeClass>): { readonly name: string } | { readonly missing: string | undefined } {
  const ref = pool.spec.template?.spec?.nodeClassRef;
  if (ref === undefined) return { missing: undefined };
  const group = ref.group ?? EC2_NODE_CLASS_GROUP;
  const kind = ref.kind ?? EC2_NODE_CLASS_KIND;
  if (group !== EC2_NODE_CLASS_GROUP || kind !== EC2_NODE_CLASS_KIND) return { missing: `${kind} "${ref.name}" (${group}) is not an EC2NodeClass` };
  if (!classes.has(ref.name)) return { missing: `EC2NodeClass "${ref.name}" is not in the input` };
  return { name: ref.name };
}

/** One note per missing class, naming the NodePools that use it. */
function notesOf(missing: ReadonlyMap<string, readonly string[]>): string[] {
  return [...missing].map(([what, pools]) => {
    const names = pools.map((p) => `"${p}"`).join(", ");
    return `${pools.length === 1 ? "NodePool" : "NodePools"} ${names}: ${what}; the default AWS settings apply (AL2023, every zone)`;
  });
}

/**
 * Instance types for NodePools and the EC2NodeClasses they name. A NodePool's `nodeClassRef` (group
 * `karpenter.k8s.aws`, kind `EC2NodeClass`, name) picks its class; the class's AMI family, `kubelet`,
 * `blockDeviceMappings`, `instanceStorePolicy` and `networkInterfaces` shape its types, and the zones of its
 * `status.subnets` are the only zones with available offerings. A NodePool without a class found in
 * `nodeClasses` gets the defaults (and a note). When every NodePool ends up with the same settings the result
 * is the plain catalogue; otherwise it holds one variant of each type per class, each restricted to its
 * NodePools by a `karpenter.sh/nodepool` requirement.
 *
 * @param nodePools - the NodePools that will be scheduled with the result
 * @param nodeClasses - the EC2NodeClasses of the input
 * @param options - `records` (default: the embedded catalogue), prices and settings shared by every class
 * @returns the instance types and one note per missing class
 * @throws InputError naming the EC2NodeClass and field of a bad setting
 * @example
 * ```ts
 * const { instanceTypes, notes } = awsCatalogForNodePools(input.nodePools, input.ec2NodeClasses);
 * for (const note of notes) console.warn(note);
 * schedule({ ...input, instanceTypes }, { capacityTypePriority: AWS_CAPACITY_TYPE_PRIORITY });
 * ```
 *
 * @category Catalogue
 */
export function awsCatalogForNodePools(
  nodePools: readonly NodePool[],
  nodeClasses: readonly Ec2NodeClass[] = [],
  options: AwsNodePoolCatalogOptions = {},
): AwsNodePoolCatalog {
  const classes = new Map<string, Ec2NodeClass>();
  nodeClasses.forEach((c, i) => {
    const name = c.metadata?.name ?? "";
    if (name === "") throw new InputError(`EC2NodeClass ${i + 1} has no metadata.name`, ["ec2NodeClasses", i, "metadata", "name"]);
    if (!classes.has(name)) classes.set(name, c);
  });
  // NodePools by the class they use ("" = the defaults), in first-use order; missing classes likewise.
  const groups = new Map<string, string[]>();
  const missing = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, pool: string): void => {
    const list = map.get(key) ?? [];
    list.push(pool);
    map.set(key, list);
  };
  for (const pool of nodePools) {
    const resolved = resolve(pool, classes);
    const name = pool.metadata.name ?? "";
    add(groups, "name" in resolved ? resolved.name : "", name);
    if ("missing" in resolved && resolved.missing !== undefined) add(missing, resolved.missing, name);
  }
  const notes = notesOf(missing);
  const { records, ...shared } = options;
  const embedded = records === undefined;
  const base = embedded ? embeddedCatalogOptions(shared) : describeOptions(shared);
  const all = embedded ? embeddedAwsTables().records : records;
  const build = (key: string, pools: readonly string[] | undefined): readonly InstanceType[] => {
    if (key === "") {
      if (embedded && pools === undefined && Object.keys(shared).length === 0) return defaultAwsCatalog();
      return awsInstanceTypes(all, pools === undefined ? base : { ...base, nodePools: pools });
    }
    const nodeClass = classes.get(key) as Ec2NodeClass;
    const own = classOptions(key, nodeClass);
    const merged: AwsInstanceTypeOptions = { ...base, ...definedOnly(own), ...(pools === undefined ? {} : { nodePools: pools }) };
    const classZones = own.zones;
    if (classZones === undefined) return inClass(key, () => awsInstanceTypes(all, merged));
    // Offerings stay in every zone (so a node's price is known wherever it runs); outside the class's subnets
    // they are unavailable, as upstream never launches there.
    const baseZones = offeringZones(base);
    const zones = [...new Set([...baseZones, ...classZones])].sort();
    const zonesByType = new Map<string, readonly string[]>();
    for (const record of all) {
      const offered = base.zonesByType?.get(record.InstanceType) ?? zones;
      zonesByType.set(
        record.InstanceType,
        offered.filter((z) => classZones.includes(z)),
      );
    }
    const region = shared.region ?? regionOfZones(classZones) ?? base.region;
    return inClass(key, () => awsInstanceTypes(all, { ...merged, zones, zonesByType, region }));
  };
  if (groups.size <= 1) {
    const [only] = groups.keys();
    return { instanceTypes: build(only ?? "", undefined), notes };
  }
  const instanceTypes: InstanceType[] = [];
  for (const [key, pools] of groups) instanceTypes.push(...build(key, pools));
  return { instanceTypes, notes };
}

/** The options a class sets (undefined fields would otherwise erase the shared ones). */
function definedOnly(options: AwsInstanceTypeOptions): AwsInstanceTypeOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as AwsInstanceTypeOptions;
}
