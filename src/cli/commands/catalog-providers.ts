import type { InstanceType } from "nodefit";
import { defaultAwsCatalog } from "nodefit/aws";

/** Each provider's embedded catalogue. */
export const CATALOG_PROVIDERS: ReadonlyMap<string, () => readonly InstanceType[]> = new Map([["aws", defaultAwsCatalog]]);
