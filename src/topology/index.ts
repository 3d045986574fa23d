/**
 * Topology spread constraints, pod affinity and pod anti-affinity (required and preferred, and
 * inverse anti-affinity) with upstream Karpenter's semantics, behind the mutable per-run
 * {@link Topology} the scheduler drives.
 *
 * @module
 */
export { Topology, type TopologyGroupView } from "./topology.js";
export type {
  HostnameBlock,
  TopologyBuildInput,
  TopologyConflict,
  TopologyNode,
  TopologyRecordOptions,
  TopologyResult,
  TopologyTemplate,
  TopologyType,
} from "./types.js";
