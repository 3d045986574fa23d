/**
 * The per-run state every placement step reads: options, topology, reservations, and the pod being tried.
 *
 * @module
 */
import type { CatalogueVectors } from "../instance-types/catalogue-vectors.js";
import type { Topology } from "../topology/index.js";
import type { Pod } from "../types/kubernetes.js";
import type { NodeVolumeLimits } from "../volumes/index.js";
import type { PodClass } from "./pod-data.js";
import type { ReservationManager } from "./reservations.js";
import type { ResolvedScheduleOptions } from "./types.js";

/** Shared state of one scheduling run. */
export interface RunContext {
  readonly options: ResolvedScheduleOptions;
  readonly topology: Topology;
  readonly reservations: ReservationManager;
  /** The catalogue's dense resource rows and ids. */
  readonly vectors: CatalogueVectors;
  /** A pod class's requests as a vector of {@link RunContext.vectors}' space (cached per class). */
  readonly requestVector: (podClass: PodClass) => Float64Array;
  /** CSI attach limits of existing nodes (absent when no CSINode sets one). */
  readonly volumeLimits?: NodeVolumeLimits | undefined;
}

/** One attempt to place a pod (the pod may be a relaxed copy). */
export interface Attempt {
  readonly pod: Pod;
  readonly podClass: PodClass;
  /** `namespace/name`. */
  readonly name: string;
  /** Whether topology must be consulted for this pod. */
  readonly hasTopology: boolean;
  /** A pod a simulated disruption moves: it never lands on a node that takes only pending pods. */
  readonly mover: boolean;
}
