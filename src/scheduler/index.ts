/**
 * The provisioning scheduler: `schedule(input, options)` reproduces upstream Karpenter's decisions for a
 * batch of pending pods (which new nodes, of which instance types, in which zones, holding which pods), with
 * a machine-readable reason for every pod it cannot place; `toScheduleJson` renders the result as the CLI's
 * JSON document.
 *
 * @module
 */
export { schedule } from "./schedule.js";
export { toScheduleJson } from "./json.js";
export { resolveScheduleOptions, DEFAULT_MAX_INSTANCE_TYPES } from "./options.js";
export { relax, PREFER_NO_SCHEDULE_TOLERATION, type Relaxed, type RelaxationStep } from "./preferences.js";
export { compareQueueEntries, type QueueEntryKey } from "./queue.js";
export type {
  ExistingNodePlacement,
  NodePoolFailure,
  NodePoolFailureKind,
  PlannedNodeClaim,
  ResolvedScheduleOptions,
  ScheduleInput,
  ScheduleOptions,
  ScheduleProgress,
  ScheduleResult,
  ScheduleSummary,
  UnschedulableCode,
  UnschedulablePod,
} from "./types.js";
