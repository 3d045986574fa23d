// The messages between the caller and the worker thread.
import type { ConsolidationInput, ConsolidationOptions, ConsolidationProgress, PathSegment, ScheduleInput, ScheduleOptions, ScheduleProgress } from "nodefit";
import type { TransferableInstanceType } from "./transfer.js";

/** What the worker runs. */
export type WorkerRequest =
  | {
      readonly kind: "schedule";
      readonly input: Omit<ScheduleInput, "instanceTypes">;
      readonly instanceTypes: readonly TransferableInstanceType[];
      readonly options: ScheduleOptions | undefined;
      /** Whether the caller wants the run's counts. */
      readonly progress: boolean;
    }
  | {
      readonly kind: "consolidate";
      readonly input: Omit<ConsolidationInput, "instanceTypes">;
      readonly instanceTypes: readonly TransferableInstanceType[];
      readonly options: ConsolidationOptions;
      /** Whether the caller wants the run's counts. */
      readonly progress: boolean;
    };

/**
 * The phases a worker run reports.
 *
 * @category Worker
 */
export type WorkerPhase = "preparing" | "running" | "done";

/** What the worker sends back. */
export type WorkerResponse =
  | { readonly type: "progress"; readonly phase: WorkerPhase; readonly progress?: ScheduleProgress | ConsolidationProgress }
  | { readonly type: "result"; readonly result: unknown }
  | {
      readonly type: "error";
      readonly name: string;
      readonly message: string;
      readonly code: string | undefined;
      readonly path: readonly PathSegment[] | undefined;
    };
