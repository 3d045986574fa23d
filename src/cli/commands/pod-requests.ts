import { podRequests, type Pod, type ResourceList } from "nodefit";

/**
 * A pod's effective requests, for drawing it; a pod whose requests cannot be read draws as empty
 * (the scheduler has already reported it).
 */
export function podRequestsOf(pod: Pod): ResourceList {
  try {
    return podRequests(pod.spec);
  } catch {
    return new Map();
  }
}
