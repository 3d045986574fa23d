/**
 * What every step of a plan shares: resolved options and the input's lookups.
 *
 * @module
 */
import type { CatalogLookup } from "./catalog-lookup.js";
import type { InstanceTypeIndex } from "../instance-types/index.js";
import type { ClusterModel } from "../scheduler/cluster-model.js";
import type { DaemonSet, NodePool } from "../types/kubernetes.js";
import type { PdbState } from "./pdb.js";
import type { WorkBudget } from "./work-limit.js";
import type { ResolvedConsolidationOptions } from "./types.js";
import type { VolumeObjects } from "../volumes/index.js";

/** Shared, read-only state of one planning run. */
export interface PlanContext {
  readonly options: ResolvedConsolidationOptions;
  /** NodePools by name. */
  readonly pools: ReadonlyMap<string, NodePool>;
  readonly nodePools: readonly NodePool[];
  /** Instance types by name. */
  readonly catalog: CatalogLookup;
  /** The catalogue, indexed once for every simulation. */
  readonly index: InstanceTypeIndex;
  /** What every simulation of the plan shares: per-node room, compiled NodePools (never kept past the plan). */
  readonly model: ClusterModel;
  readonly daemonSets: readonly DaemonSet[];
  /** Storage objects: simulations honour the CSI attach limits of the nodes that remain. */
  readonly volumes?: VolumeObjects | undefined;
  readonly pdbs: readonly PdbState[];
  /** What is left of `maxSimulationSteps`, spent by every simulation of the plan. */
  readonly work: WorkBudget;
  /**
   * Skip simulations whose outcome is already certain (`cannotConsolidate`); on unless false. The plain
   * path exists so tests can check that both give the same plan.
   */
  readonly shortcuts?: boolean | undefined;
}
