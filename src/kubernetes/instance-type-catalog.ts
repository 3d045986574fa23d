/**
 * Reads `nodefit.dev/v1alpha1 InstanceTypeCatalog` documents into instance types, with errors that name the
 * file, the document and the field path of every bad value.
 *
 * @module
 */
import * as z from "zod";
import type { InstanceType } from "nodefit";
import { type CatalogData, catalogLabel, instanceTypesOf } from "./catalog-entries.js";
import { FAIL, fastCatalog } from "./fast/schemas.js";
import { ManifestError } from "./manifest-error.js";
import { nameSchema, resourceMapSchema, stringMapSchema } from "./schemas/primitives.js";
import { requirementWithMinValuesSchema } from "./schemas/scheduling.js";
import { issueMessage, issuePath } from "./zod-issues.js";

/**
 * The apiVersion of instance-type catalogues.
 *
 * @category Catalogue
 */
export const INSTANCE_TYPE_CATALOG_API_VERSION = "nodefit.dev/v1alpha1";
/**
 * The kind of instance-type catalogues.
 *
 * @category Catalogue
 */
export const INSTANCE_TYPE_CATALOG_KIND = "InstanceTypeCatalog";

const offeringSchema = z.object({
  zone: nameSchema,
  capacityType: z.enum(["on-demand", "spot", "reserved"]),
  price: z.number().min(0),
  available: z.boolean().optional(),
  reservationId: nameSchema.optional(),
  reservationCapacity: z.int().min(0).optional(),
});

const overheadSchema = z.object({
  kubeReserved: resourceMapSchema.optional(),
  systemReserved: resourceMapSchema.optional(),
  evictionThreshold: resourceMapSchema.optional(),
});

const instanceTypeSchema = z.object({
  name: nameSchema,
  labels: stringMapSchema.optional(),
  requirements: z.array(requirementWithMinValuesSchema).optional(),
  capacity: resourceMapSchema,
  overhead: overheadSchema.optional(),
  offerings: z.array(offeringSchema),
});

/**
 * The zod schema of an InstanceTypeCatalog document.
 *
 * @internal
 */
export const catalogSchema: z.ZodType<CatalogData> = z.object({
  apiVersion: z.literal(INSTANCE_TYPE_CATALOG_API_VERSION),
  kind: z.literal(INSTANCE_TYPE_CATALOG_KIND),
  metadata: z.object({ name: z.string().optional() }).optional(),
  wellKnownLabels: z.array(nameSchema).optional(),
  /** The provider's launch order of capacity types (the scheduler's `capacityTypePriority`), e.g. AWS's. */
  capacityTypePriority: z.array(nameSchema).optional(),
  instanceTypes: z.array(instanceTypeSchema),
});

/**
 * Where a catalogue document came from, for error messages.
 *
 * @category Catalogue
 */
export interface CatalogSource {
  readonly file?: string | undefined;
  /** The document's position in its file, counting from 1 (default 1). */
  readonly index?: number | undefined;
}

/**
 * Reads one InstanceTypeCatalog document. Labels become `In [value]` requirements, `requirements` add
 * multi-valued ones, instance-type / zone / capacity-type come from the name and offerings, and every well-known
 * label (nodefit's plus the document's `wellKnownLabels`) a type does not define counts as `DoesNotExist`.
 *
 * @param doc - the parsed YAML or JSON document
 * @param source - the file and document position, for messages
 * @returns the instance types, in document order
 * @throws ManifestError (code `invalid-input`) listing every problem, e.g.
 *   `catalog.yaml: document 1 (InstanceTypeCatalog example): instanceTypes[3].capacity.memory: "2GB" is not a quantity`
 * @example
 * ```ts
 * const types = readInstanceTypeCatalog(YAML.parse(text), { file: "catalog.yaml" });
 * ```
 *
 * @category Catalogue
 */
export function readInstanceTypeCatalog(doc: unknown, source: CatalogSource = {}): InstanceType[] {
  const label = catalogLabel(doc, source);
  const fast = fastCatalog(doc);
  if (fast !== FAIL) return instanceTypesOf(fast as CatalogData, label);
  const parsed = catalogSchema.safeParse(doc, { reportInput: true, error: issueMessage });
  if (!parsed.success) {
    throw new ManifestError(parsed.error.issues.map((issue) => ({ document: label, path: issuePath(issue.path), message: issue.message })));
  }
  return instanceTypesOf(parsed.data, label);
}
