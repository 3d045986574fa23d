import { resourceListToRecord, type InstanceType, type ResourceList } from "nodefit";
import { AWS_CAPACITY_TYPE_PRIORITY, defaultAwsCatalog } from "nodefit/aws";
import { INSTANCE_TYPE_CATALOG_API_VERSION, INSTANCE_TYPE_CATALOG_KIND } from "nodefit/kubernetes";
import type { Command } from "../args.js";
import type { CliIo } from "../io.js";
import { jsonToYaml } from "../render/format.js";
import { formatHourly } from "../render/money.js";
import { renderTable } from "../render/table.js";
import { humanBytes, humanCpu } from "../render/units.js";
import { CATALOG_PROVIDERS } from "./catalog-providers.js";

type CatalogCommand = Extract<Command, { name: "catalog" }>;

// Labels the catalogue document derives from the name and offerings, so they are not written out.
const DERIVED = new Set(["node.kubernetes.io/instance-type", "topology.kubernetes.io/zone", "karpenter.sh/capacity-type"]);

const sortedRecord = (list: ResourceList): Record<string, string> => resourceListToRecord(list);

/**
 * One instance type as an entry of an InstanceTypeCatalog document (`nodefit catalog -o json`).
 *
 * @param type - the instance type
 * @returns the entry: name, labels, requirements, capacity, overhead, allocatable and offerings
 */
export function catalogDocumentEntry(type: InstanceType): Record<string, unknown> {
  const labels: [string, string][] = [];
  const requirements: Record<string, unknown>[] = [];
  for (const req of type.requirements) {
    if (DERIVED.has(req.key) || req.isEmpty()) continue;
    if (req.operator === "In" && req.values.size === 1) labels.push([req.key, [...req.values][0] ?? ""]);
    else requirements.push(...req.toNodeSelectorRequirements().map((r) => ({ ...r })));
  }
  labels.sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    name: type.name,
    labels: Object.fromEntries(labels),
    ...(requirements.length > 0 ? { requirements } : {}),
    capacity: sortedRecord(type.capacity),
    overhead: {
      kubeReserved: sortedRecord(type.overhead.kubeReserved),
      systemReserved: sortedRecord(type.overhead.systemReserved),
      evictionThreshold: sortedRecord(type.overhead.evictionThreshold),
    },
    allocatable: sortedRecord(type.allocatable),
    offerings: type.offerings.map((o) => ({
      zone: o.zone,
      capacityType: o.capacityType,
      price: o.price,
      ...(o.available ? {} : { available: false }),
      ...(o.reservationId === undefined ? {} : { reservationId: o.reservationId }),
      ...(o.reservationCapacity === undefined ? {} : { reservationCapacity: o.reservationCapacity }),
    })),
  };
}

function catalogTable(types: readonly InstanceType[]): string {
  const rows = types.map((t) => {
    const prices = t.offerings.filter((o) => o.available).map((o) => o.price);
    return [
      t.name,
      humanCpu(t.capacity.get("cpu") ?? 0),
      humanBytes(t.capacity.get("memory") ?? 0),
      humanCpu(t.allocatable.get("cpu") ?? 0),
      humanBytes(t.allocatable.get("memory") ?? 0),
      String(t.allocatable.get("pods") ?? 0),
      prices.length === 0 ? "-" : formatHourly(Math.min(...prices)),
      String(new Set(t.offerings.map((o) => o.zone)).size),
    ];
  });
  return renderTable(["INSTANCE TYPE", "CPU", "MEMORY", "ALLOC CPU", "ALLOC MEMORY", "PODS", "FROM", "ZONES"], rows);
}

/**
 * Runs `nodefit catalog`.
 *
 * @param command - the parsed command line
 * @param io - where output goes
 */
export function runCatalog(command: CatalogCommand, io: CliIo): void {
  const load = CATALOG_PROVIDERS.get(command.provider) ?? defaultAwsCatalog;
  const types = load();
  if (command.output === "table") {
    io.stdout(`${types.length} instance types (${command.provider})\n\n${catalogTable(types)}`);
    return;
  }
  // A complete InstanceTypeCatalog document: what `catalog -o yaml > c.yaml` writes, `schedule c.yaml ...` reads.
  const document = {
    apiVersion: INSTANCE_TYPE_CATALOG_API_VERSION,
    kind: INSTANCE_TYPE_CATALOG_KIND,
    metadata: { name: `nodefit-${command.provider}` },
    // The AWS launch order travels with the catalogue, so reading it back schedules as the embedded one.
    ...(command.provider === "aws" ? { capacityTypePriority: [...AWS_CAPACITY_TYPE_PRIORITY] } : {}),
    instanceTypes: types.map(catalogDocumentEntry),
  };
  const json = JSON.stringify(document, null, 2);
  io.stdout(command.output === "yaml" ? jsonToYaml(json) : `${json}\n`);
}
