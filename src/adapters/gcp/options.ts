/**
 * The options of the GCP adapter: the parts of a `GCENodeClass` (kubelet settings, boot disk, local SSD
 * mode) and the price and zone data that change a machine type's capacity, overhead or offerings.
 */
import type { QuantityInput, ResourceMap, StringMap } from "nodefit";

/**
 * Resource amounts keyed by resource name, as an object (YAML) or a `Map`.
 *
 * @category Catalogue
 */
export type GcpResourceInput = ResourceMap | ReadonlyMap<string, QuantityInput>;

/**
 * Options mirroring a GCENodeClass and the provider's settings; every one is optional.
 *
 * @category Catalogue
 */
export interface GcpInstanceTypeOptions {
  /** Default `us-central1`. */
  readonly region?: string | undefined;
  /** Zones offerings are generated for. Default: every zone of `zonesByType`, else `<region>-a`, `-b`, `-c`, `-f`. */
  readonly zones?: readonly string[] | undefined;
  /** Zones each machine type is offered in; a type missing here is offered in every zone. */
  readonly zonesByType?: ReadonlyMap<string, readonly string[]> | undefined;
  /** On-demand price per hour by machine type; a type without one has no on-demand offerings. */
  readonly onDemandPrices?: ReadonlyMap<string, number> | undefined;
  /** Spot price per hour by machine type (GCE prices spot per region); a type without one has no spot offerings. */
  readonly spotPrices?: ReadonlyMap<string, number> | undefined;
  /** `kubeletConfiguration.maxPods` (default 110). */
  readonly maxPods?: number | undefined;
  /** `kubeletConfiguration.podsPerCore`: caps pods at podsPerCore × vCPUs. */
  readonly podsPerCore?: number | undefined;
  /** `kubeletConfiguration.kubeReserved`: replaces the computed value per resource. */
  readonly kubeReserved?: GcpResourceInput | undefined;
  /** `kubeletConfiguration.systemReserved`: added to the computed 100m of CPU. */
  readonly systemReserved?: GcpResourceInput | undefined;
  /** `kubeletConfiguration.evictionHard`: `memory.available` and `nodefs.available` replace the defaults. */
  readonly evictionHard?: StringMap | ReadonlyMap<string, string> | undefined;
  /** The boot disk's `sizeGiB` (default 100). */
  readonly bootDiskSizeGiB?: number | undefined;
  /** `localSsdMode: Ephemeral`: a type's bundled local SSDs hold ephemeral storage instead of the boot disk. */
  readonly localSsdEphemeral?: boolean | undefined;
  /** `VM_MEMORY_OVERHEAD_PERCENT` (default 0.07). */
  readonly vmMemoryOverheadPercent?: number | undefined;
}
