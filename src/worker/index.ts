/**
 * `nodefit/worker`: {@link scheduleAsync} and {@link planConsolidationAsync}, the scheduler and the consolidation
 * planner in a worker thread, so a long run does not block the event loop. Same inputs, same results as the
 * synchronous calls, plus an `AbortSignal` and a progress callback. Node.js only (`node:worker_threads`).
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import {
  NodefitError,
  type ConsolidationInput,
  type ConsolidationOptions,
  type ConsolidationPlan,
  type ConsolidationProgress,
  type NodefitErrorCode,
  type ScheduleInput,
  type ScheduleOptions,
  type ScheduleProgress,
  type ScheduleResult,
} from "nodefit";
import type { WorkerPhase, WorkerRequest, WorkerResponse } from "./protocol.js";
import { toTransferable } from "./transfer.js";

export type { WorkerPhase } from "./protocol.js";

/**
 * What the asynchronous forms take besides the synchronous call's options.
 *
 * @typeParam P - the run's progress counts: {@link ScheduleProgress} or {@link ConsolidationProgress}
 *
 * @category Worker
 */
export interface AsyncOptions<P = ScheduleProgress | ConsolidationProgress> {
  /** Aborting terminates the worker; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Called as the run passes each phase: `preparing` (rebuilding the catalogue in the worker), `running`
   * (the scheduler or planner at work), `done`; while running, again with the counts the synchronous call's
   * `onProgress` reports (pods placed, or simulations run and commands found).
   */
  readonly onProgress?: ((phase: WorkerPhase, progress?: P) => void) | undefined;
}

// The thread's file beside this one: thread.js / thread.cjs in the build. Run from the sources (tests, a
// clone), it is thread.ts, started through tsx (a dev dependency) by a two-line bootstrap.
function startWorker(workerData: WorkerRequest): Worker {
  const here = import.meta.url;
  // The caller's flags, except those only a main script may take (`node --input-type=module -e ...`).
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith("--input-type"));
  if (here.endsWith(".ts")) {
    const thread = new URL("./thread.ts", here).href;
    const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(thread)}); });`;
    return new Worker(bootstrap, { eval: true, workerData, execArgv });
  }
  return new Worker(new URL(here.endsWith(".cjs") ? "./thread.cjs" : "./thread.js", here), { workerData, execArgv });
}

function inWorker<T, P>(request: WorkerRequest, options: AsyncOptions<P>): Promise<T> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const worker = startWorker(request);
    let settled = false;
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      settle();
    };
    const onAbort = (): void => {
      finish(() => reject(signal?.reason as Error));
      void worker.terminate();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (message: WorkerResponse) => {
      if (message.type === "progress") {
        if (message.progress === undefined) onProgress?.(message.phase);
        else onProgress?.(message.phase, message.progress as P);
      } else if (message.type === "result") finish(() => resolve(message.result as T));
      else {
        const error =
          message.code !== undefined
            ? new NodefitError(message.code as NodefitErrorCode, message.message, message.path ?? [])
            : Object.assign(new Error(message.message), { name: message.name });
        finish(() => reject(error));
      }
    });
    worker.on("error", (error) => finish(() => reject(error)));
    worker.on("exit", (code) => finish(() => reject(new Error(`nodefit worker exited with code ${code} before answering`))));
  });
}

/**
 * `schedule` (from `nodefit`) in a worker thread.
 *
 * @param input - as for `schedule` (an instance-type index travels as its list of types)
 * @param options - as for `schedule`, plus `signal` and `onProgress`
 * @returns the same result `schedule(input, options)` gives
 * @throws NodefitError for invalid input, as `schedule` does; the signal's reason when aborted
 * @example
 * ```ts
 * const controller = new AbortController();
 * const result = await scheduleAsync(input, { signal: controller.signal, onProgress: (phase) => console.error(phase) });
 * ```
 *
 * @category Worker
 */
export function scheduleAsync(
  input: ScheduleInput,
  options: Omit<ScheduleOptions, "onProgress"> & AsyncOptions<ScheduleProgress> = {},
): Promise<ScheduleResult> {
  const { signal, onProgress, ...rest } = options;
  const { instanceTypes, ...plain } = input;
  const scheduleOptions: ScheduleOptions = rest.wellKnownLabels === undefined ? rest : { ...rest, wellKnownLabels: [...rest.wellKnownLabels] };
  const request = {
    kind: "schedule",
    input: plain,
    instanceTypes: toTransferable(instanceTypes),
    options: scheduleOptions,
    progress: onProgress !== undefined,
  } as const;
  return inWorker(request, { signal, onProgress });
}

/**
 * `planConsolidation` (from `nodefit`) in a worker thread.
 *
 * @param input - as for `planConsolidation`
 * @param options - as for `planConsolidation`, plus `signal` and `onProgress`
 * @returns the same plan `planConsolidation(input, options)` gives
 * @throws NodefitError for invalid input; the signal's reason when aborted
 * @example
 * ```ts
 * const plan = await planConsolidationAsync(input, { now: "2026-01-01T00:00:00Z", signal: AbortSignal.timeout(60_000) });
 * ```
 *
 * @category Worker
 */
export function planConsolidationAsync(
  input: ConsolidationInput,
  options: Omit<ConsolidationOptions, "onProgress"> & AsyncOptions<ConsolidationProgress>,
): Promise<ConsolidationPlan> {
  const { signal, onProgress, ...rest } = options;
  const { instanceTypes, ...plain } = input;
  const request = {
    kind: "consolidate",
    input: plain,
    instanceTypes: toTransferable(instanceTypes),
    options: rest,
    progress: onProgress !== undefined,
  } as const;
  return inWorker(request, { signal, onProgress });
}
