/**
 * Expands the embedded series table into `machineTypes`-shaped records plus price and zone tables, and builds
 * the default GCP catalogue from them, lazily and once.
 */
import type { InstanceType } from "nodefit";
import { GCP_CATALOG_REGION, GCP_CATALOG_SERIES, GCP_CATALOG_SHARED_CORE, GCP_CATALOG_SPOT_FRACTION } from "./catalog-data.js";
import { gcpInstanceTypes } from "./instance-type.js";
import type { GcpInstanceTypeOptions } from "./options.js";
import type { GceMachineType } from "./types.js";

/**
 * The embedded catalogue as machine type records and the price and zone tables beside them.
 *
 * @category Catalogue
 */
export interface GcpCatalogTables {
  readonly machineTypes: readonly GceMachineType[];
  readonly onDemandPrices: ReadonlyMap<string, number>;
  readonly spotPrices: ReadonlyMap<string, number>;
  readonly zonesByType: ReadonlyMap<string, readonly string[]>;
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * The embedded catalogue expanded into records and tables (built on every call; see {@link defaultGcpCatalog}
 * for the memoised instance types).
 *
 * @returns machine types, on-demand and spot prices, zones by type
 * @example gcpCatalogTables().onDemandPrices.get("n2-standard-2") // 0.097118
 *
 * @category Catalogue
 */
export function gcpCatalogTables(): GcpCatalogTables {
  const machineTypes: GceMachineType[] = [];
  const onDemandPrices = new Map<string, number>();
  const spotPrices = new Map<string, number>();
  const zonesByType = new Map<string, readonly string[]>();
  const add = (record: GceMachineType, usd: number, zones: readonly string[]): void => {
    machineTypes.push(record);
    onDemandPrices.set(record.name, usd);
    spotPrices.set(record.name, round6(usd * GCP_CATALOG_SPOT_FRACTION));
    zonesByType.set(
      record.name,
      zones.map((z) => `${GCP_CATALOG_REGION}-${z}`),
    );
  };
  for (const series of GCP_CATALOG_SERIES) {
    for (const { shape, sizes, gbPerVcpu } of series.shapes) {
      for (const vcpus of sizes) {
        const gb = vcpus * gbPerVcpu;
        const record = { name: `${series.series}-${shape}-${vcpus}`, guestCpus: vcpus, memoryMb: gb * 1024, architecture: series.architecture };
        add(record, round6(vcpus * series.usdPerVcpu + gb * series.usdPerGb), series.zones);
      }
    }
    if (series.series === "e2") {
      for (const shared of GCP_CATALOG_SHARED_CORE) {
        const record = { name: shared.name, guestCpus: 2, memoryMb: shared.memoryGb * 1024, isSharedCpu: true, architecture: "X86_64" };
        add(record, shared.usd, series.zones);
      }
    }
  }
  return { machineTypes, onDemandPrices, spotPrices, zonesByType };
}

/**
 * The embedded default catalogue (E2, N2, N2D, C3, T2D and T2A in us-central1) as nodefit instance types.
 * The catalogue's own region, prices and zones fill whatever the options leave out. Without options the
 * result is built on first use and shared.
 *
 * @param options - GCENodeClass settings and overrides, as for `gcpInstanceTypes`
 * @returns the instance types, in series, shape and size order
 * @example
 * ```ts
 * const types = defaultGcpCatalog();
 * types.find((t) => t.name === "e2-standard-2")?.allocatable.get("cpu"); // 1830
 * ```
 *
 * @category Catalogue
 */
export const defaultGcpCatalog: (options?: GcpInstanceTypeOptions) => readonly InstanceType[] = /* @__PURE__ */ (() => {
  let tables: GcpCatalogTables | undefined;
  let shared: readonly InstanceType[] | undefined;
  const build = (options: GcpInstanceTypeOptions | undefined): readonly InstanceType[] => {
    tables ??= gcpCatalogTables();
    return gcpInstanceTypes(tables.machineTypes, {
      ...options,
      region: options?.region ?? GCP_CATALOG_REGION,
      zonesByType: options?.zonesByType ?? tables.zonesByType,
      onDemandPrices: options?.onDemandPrices ?? tables.onDemandPrices,
      spotPrices: options?.spotPrices ?? tables.spotPrices,
    });
  };
  return (options?: GcpInstanceTypeOptions): readonly InstanceType[] => {
    if (options !== undefined) return build(options);
    shared ??= build(undefined);
    return shared;
  };
})();
