// The worker thread: rebuilds the instance types, runs the synchronous call, sends back the result.
import { parentPort, workerData } from "node:worker_threads";
import {
  planConsolidation,
  requirementsFromNodeSelectorRequirements,
  schedule,
  type ConsolidationProgress,
  type InstanceType,
  type PathSegment,
  type ScheduleProgress,
} from "nodefit";
import type { WorkerRequest, WorkerResponse } from "./protocol.js";
import type { TransferableInstanceType } from "./transfer.js";

// Instance types rebuilt from what crossed (see transfer.ts): requirements back into Requirements.
function fromTransferable(types: readonly TransferableInstanceType[]): InstanceType[] {
  return types.map((t) => ({
    ...t,
    requirements: requirementsFromNodeSelectorRequirements(t.requirements),
    offerings: t.offerings.map((o) => ({ ...o, requirements: requirementsFromNodeSelectorRequirements(o.requirements) })),
  }));
}

const port = parentPort;
const send = (message: WorkerResponse): void => port?.postMessage(message);

function run(request: WorkerRequest): unknown {
  send({ type: "progress", phase: "preparing" });
  const instanceTypes = fromTransferable(request.instanceTypes);
  send({ type: "progress", phase: "running" });
  // The counts cross as "running" messages, only when the caller asked for them.
  const report = (progress: ScheduleProgress | ConsolidationProgress): void => send({ type: "progress", phase: "running", progress });
  const onProgress = request.progress ? report : undefined;
  if (request.kind === "schedule") return schedule({ ...request.input, instanceTypes }, { ...request.options, onProgress });
  return planConsolidation({ ...request.input, instanceTypes }, { ...request.options, onProgress });
}

try {
  const result = run(workerData as WorkerRequest);
  send({ type: "progress", phase: "done" });
  send({ type: "result", result });
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  const { code, path } = e as Error & { code?: unknown; path?: unknown };
  send({
    type: "error",
    name: e.name,
    message: e.message,
    code: typeof code === "string" ? code : undefined,
    path: Array.isArray(path) ? (path as PathSegment[]) : undefined,
  });
}
