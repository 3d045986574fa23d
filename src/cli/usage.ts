import { AWS_INPUT_USAGE } from "./aws-flags.js";

/** The usage text for each command and for the program as a whole. */
export const USAGE: ReadonlyMap<string, string> = new Map([
  [
    "",
    `nodefit: which nodes does this Kubernetes cluster need?

Usage:
  nodefit schedule <paths...>       what Karpenter would launch for the pending pods
  nodefit consolidate <paths...>    which nodes Karpenter would delete or replace, and why the rest stay
  nodefit diff <before> <after>     what changes between the clusters two inputs lead to
  nodefit explain <paths...>        why a pod does not fit, or why a node is not consolidated
  nodefit catalog                   print an embedded instance-type catalogue

Paths are YAML or JSON files, or folders read recursively in name order; - reads standard input.
Without an InstanceTypeCatalog document, the embedded AWS catalogue (us-east-1) is used, or the one
named by --provider aws|azure|gcp.
Run 'nodefit <command> --help' for a command's options.
Exit status: 0 ran, 1 invalid input, 2 bad usage, 3 unschedulable pods (with --fail-on-unschedulable),
70 internal error, 74 the output could not be written. A closed pipe (| head) ends the run with 0.
`,
  ],
  [
    "schedule",
    `Usage: nodefit schedule <paths...> [--provider aws|azure|gcp] [--fail-on-unschedulable] [--output FORMAT]

Schedules the pending pods (Pods without spec.nodeName that Karpenter would provision for, and the
replicas of Deployments, ReplicaSets, StatefulSets and Jobs whose pods are not in the input) onto existing
Nodes and new node claims from the NodePools.
  -p, --provider P           use this embedded catalogue (aws, azure or gcp) when the input has none
  --fail-on-unschedulable    exit 3 when any pod could not be placed (the output is printed all the same)
  -o, --output FORMAT        table (default), json, yaml, html (a self-contained report), markdown (for a
                             pull-request comment) or nodeclaims (karpenter.sh/v1 NodeClaim manifests)
  --strict                   refuse kinds nodefit does not know in any API group (default: skip other groups' kinds)
${AWS_INPUT_USAGE}
With the AWS catalogue a claim reports Karpenter's AWS launch choice: reserved, then spot, then
on-demand, whichever the claim allows and has an offering for (cheapest within it).
`,
  ],
  [
    "consolidate",
    `Usage: nodefit consolidate <paths...> [--now T] [--max-commands N] [--max-simulation-steps N] [--spot-to-spot]
       [--provider P] [--output ...]

Plans consolidation to convergence: each command in the order a controller would run it, the savings,
and every node that stays with the reason.
  --now T              the time to evaluate budgets, consolidateAfter and do-not-disrupt at (RFC 3339, e.g.
                       2026-01-01T00:00:00Z; a leap second :60 is the next minute's start; default now)
  --max-commands N     stop after N commands
  --max-simulation-steps N
                       stop when the plan's simulations have made N placement attempts in all (default
                       1000000); the plan keeps the commands found and says it stopped
  --spot-to-spot       allow spot-to-spot replacement (upstream's SpotToSpotConsolidation gate)
  -p, --provider P     use this embedded catalogue (aws, azure or gcp) when the input has none
  -o, --output FORMAT  table (default), json, yaml, html, markdown, or nodeclaims (the replacements)
  --strict             refuse kinds nodefit does not know in any API group (default: skip other groups' kinds)
${AWS_INPUT_USAGE}`,
  ],
  [
    "diff",
    `Usage: nodefit diff <before> <after> [--consolidate] [--now T] [--provider P] [--fail-on-unschedulable] [--output ...]

Schedules both inputs (each a file or folder; - for standard input) and reports what changes between the
clusters they lead to: nodes and instance types added and removed, pods that move or become unschedulable,
and the hourly and monthly cost per NodePool. New node claims are compared by NodePool, instance type,
zone and capacity type, since their names mean nothing across inputs.
  --consolidate              plan consolidation for each input too, and compare the clusters after it
  --now T                    the time consolidation is planned at (RFC 3339; default now)
  -p, --provider P           use this embedded catalogue (aws, azure or gcp) when an input has none
  --fail-on-unschedulable    exit 3 when the <after> input leaves any pod unschedulable
  -o, --output FORMAT        table (default), json, yaml or markdown
  --strict                   refuse kinds nodefit does not know in any API group (default: skip other groups' kinds)
${AWS_INPUT_USAGE}`,
  ],
  [
    "explain",
    `Usage: nodefit explain <paths...> (--pod NS/NAME | --node NAME) [--now T] [--provider P] [--output table|json|yaml]

  --pod NS/NAME   why this pod does or does not fit, per NodePool and per instance-type criterion
  --node NAME     why this node is or is not consolidated
  --strict        refuse kinds nodefit does not know in any API group (default: skip other groups' kinds)
${AWS_INPUT_USAGE}`,
  ],
  [
    "catalog",
    `Usage: nodefit catalog [--provider aws|azure|gcp] [--output table|json|yaml]

Prints an embedded catalogue. The table lists name, capacity, allocatable and the cheapest price of every
instance type; json and yaml print an InstanceTypeCatalog document that schedule, consolidate and diff
read back (its allocatable fields are informative: allocatable is derived from capacity and overhead).
`,
  ],
]);
