/**
 * Input shapes of the GCP adapter. `GceMachineType` mirrors the Compute Engine `machineTypes` resource
 * (REST JSON field names, as `machineTypes.list` / `aggregatedList` return them), reduced to the fields the
 * community Karpenter GCP provider reads (reference §2.2).
 */

/**
 * One accelerator entry of a machine type (A2, A3, G2 types carry their GPUs this way).
 *
 * @category Catalogue
 */
export interface GceAccelerator {
  /** e.g. `nvidia-tesla-a100`, `nvidia-l4`. */
  readonly guestAcceleratorType: string;
  readonly guestAcceleratorCount: number;
}

/**
 * A Compute Engine machine type.
 *
 * @category Catalogue
 */
export interface GceMachineType {
  /** e.g. `n2-standard-4`, `e2-medium`, `c3-standard-4-lssd`. */
  readonly name: string;
  readonly guestCpus: number;
  /** Memory in MB as GCE reports it (binary: MiB). */
  readonly memoryMb: number;
  /** Shared-core types (`e2-micro`, `e2-small`, `e2-medium`, `f1-micro`, `g1-small`). */
  readonly isSharedCpu?: boolean | undefined;
  /** `X86_64` or `ARM64`; absent means x86. */
  readonly architecture?: "X86_64" | "ARM64" | (string & {}) | undefined;
  readonly accelerators?: readonly GceAccelerator[] | undefined;
  /** Bundled local SSDs (`-lssd` types), each `diskGb` GiB. */
  readonly scratchDisks?: readonly { readonly diskGb: number }[] | undefined;
}
