import { AWS_INPUT_USAGE } from "./aws-inputs.js";

/** The usage text for each command and for the program as a whole. */
export const USAGE: ReadonlyMap<string, string> = new Map([
  [
    "",
    `nodefit: which nodes does this Kubernetes cluster need?

Usage:
  nodefit schedule <paths...>     what Karpenter would launch for the pending pods
  nodefit consolidate <paths...>  which nodes Karpenter would delete or replace, and why the rest stay
  nodefit explain <paths...>      why a pod does not fit, or why a node is not consolidated
  nodefit catalog                 list the embedded instance-type catalogue

Paths are YAML or JSON files, or folders read recursively in name order. Without an
InstanceTypeCatalog document, the embedded AWS catalogue (us-east-1) is used, shaped per NodePool by the
EC2NodeClass its nodeClassRef names; --aws-instance-types and --aws-spot-prices bring your own.
Run 'nodefit <command> --help' for a command's options.
Exit status: 0 ran, 1 invalid input, 2 bad usage.
`,
  ],
  [
    "schedule",
    `Usage: nodefit schedule <paths...> [--output table|json|yaml|html]

Schedules the pending pods (Pods without spec.nodeName, and the replicas of Deployments, ReplicaSets,
StatefulSets and Jobs) onto existing Nodes and new node claims from the NodePools.
  -o, --output FORMAT   table (default), json, yaml, or html (a self-contained report)
  --strict              refuse kinds nodefit does not know in any API group (default: skip other groups' kinds)
${AWS_INPUT_USAGE}
With the AWS catalogue a claim reports Karpenter's AWS launch choice: reserved, then spot, then
on-demand, whichever the claim allows and has an offering for (cheapest within it).
`,
  ],
  [
    "consolidate",
    `Usage: nodefit consolidate <paths...> [--now T] [--max-commands N] [--spot-to-spot] [--output ...]

Plans consolidation to convergence: each command in the order a controller would run it, the savings,
and every node that stays with the reason.
  --now T              the time to evaluate budgets, consolidateAfter and do-not-disrupt at (RFC 3339; default now)
  --max-commands N     stop after N commands
  --spot-to-spot       allow spot-to-spot replacement (upstream's SpotToSpotConsolidation gate)
  -o, --output FORMAT  table (default), json, yaml, or html
  --strict             refuse kinds nodefit does not know in any API group (default: skip other groups' kinds)
${AWS_INPUT_USAGE}`,
  ],
  [
    "explain",
    `Usage: nodefit explain <paths...> (--pod NS/NAME | --node NAME) [--now T] [--output table|json|yaml]

  --pod NS/NAME   why this pod does or does not fit, per NodePool and per instance-type criterion
  --node NAME     why this node is or is not consolidated
  --strict        refuse kinds nodefit does not know in any API group (default: skip other groups' kinds)
${AWS_INPUT_USAGE}`,
  ],
  [
    "catalog",
    `Usage: nodefit catalog [--provider aws|azure|gcp] [--output table|json|yaml]

Lists the embedded catalogue: name, labels, capacity, allocatable and offerings of every instance type.
`,
  ],
]);
