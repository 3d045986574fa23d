/**
 * The per-run state every placement step reads: options, topology, reservations, and the pod being tried.
 *
 * @module
 */
import type { Topology } from "../topology/index.js";
import type { Pod } from "../types/kubernetes.js";
import type { PodClass } from "./pod-data.js";
import type { ReservationManager } from "./reservations.js";
import type { ResolvedScheduleOptions } from "./types.js";

/** Shared state of one scheduling run. */
export interface RunContext {
  readonly options: ResolvedScheduleOptions;
  readonly topology: Topology;
  readonly reservations: ReservationManager;
}

/** One attempt to place a pod (the pod may be a relaxed copy). */
export interface Attempt {
  readonly pod: Pod;
  readonly podClass: PodClass;
  /** `namespace/name`. */
  readonly name: string;
  /** Whether topology must be consulted for this pod. */
  readonly hasTopology: boolean;
}
