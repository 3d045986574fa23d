import type { InstanceType } from "nodefit";
import { defaultAwsCatalog } from "nodefit/aws";
import { defaultAzureCatalog } from "nodefit/azure";
import { defaultGcpCatalog } from "nodefit/gcp";

/** Each provider's embedded catalogue. */
export const CATALOG_PROVIDERS: ReadonlyMap<string, () => readonly InstanceType[]> = new Map<string, () => readonly InstanceType[]>([
  ["aws", () => defaultAwsCatalog()],
  ["azure", () => defaultAzureCatalog()],
  ["gcp", () => defaultGcpCatalog()],
]);
