import { VERSION } from "nodefit";

const usage = `nodefit ${VERSION}: which nodes does this cluster need?

Usage:
  nodefit schedule <paths...> [--output table|json|yaml|html]
  nodefit consolidate <paths...> [--now T] [--max-commands N] [--output ...]
  nodefit explain <paths...> --pod NS/NAME | --node NAME
  nodefit catalog [--provider aws|azure|gcp] [--output json|table]
`;
process.stdout.write(usage);
