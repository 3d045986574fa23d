/**
 * Reads `nodefit.dev/v1alpha1 InstanceTypeCatalog` documents into instance types, with errors that name the
 * file, the document and the field path of every bad value.
 *
 * @module
 */
import * as z from "zod";
import { createInstanceType, Requirement, type InstanceType, type PathSegment } from "nodefit";
import { ManifestError, type DocumentLabel, type ManifestProblem } from "./manifest-error.js";
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

const catalogSchema = z.object({
  apiVersion: z.literal(INSTANCE_TYPE_CATALOG_API_VERSION),
  kind: z.literal(INSTANCE_TYPE_CATALOG_KIND),
  metadata: z.object({ name: z.string().optional() }).optional(),
  wellKnownLabels: z.array(nameSchema).optional(),
  /** The provider's launch order of capacity types (the scheduler's `capacityTypePriority`), e.g. AWS's. */
  capacityTypePriority: z.array(nameSchema).optional(),
  instanceTypes: z.array(instanceTypeSchema),
});

type CatalogEntry = z.infer<typeof instanceTypeSchema>;

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
  const label = documentLabel(doc, source);
  const parsed = catalogSchema.safeParse(doc, { reportInput: true, error: issueMessage });
  if (!parsed.success) {
    throw new ManifestError(parsed.error.issues.map((issue) => ({ document: label, path: issuePath(issue.path), message: issue.message })));
  }
  const problems: ManifestProblem[] = [];
  const types: InstanceType[] = [];
  const firstIndex = new Map<string, number>();
  const wellKnown = parsed.data.wellKnownLabels ?? [];
  parsed.data.instanceTypes.forEach((entry, i) => {
    const path: PathSegment[] = ["instanceTypes", i];
    const first = firstIndex.get(entry.name);
    if (first !== undefined) {
      problems.push({
        document: label,
        path: [...path, "name"],
        message: `duplicate instance type ${JSON.stringify(entry.name)}, first at instanceTypes[${first}]`,
      });
      return;
    }
    firstIndex.set(entry.name, i);
    try {
      types.push(toInstanceType(entry, wellKnown));
    } catch (error) {
      problems.push(toProblem(error, label, path));
    }
  });
  if (problems.length > 0) throw new ManifestError(problems);
  return types;
}

function toInstanceType(entry: CatalogEntry, wellKnownLabels: readonly string[]): InstanceType {
  const requirements = (entry.requirements ?? []).map((r, j) => {
    try {
      return Requirement.create(r.key, r.operator, r.values ?? []);
    } catch (error) {
      throw withPrefix(error, ["requirements", j]);
    }
  });
  return createInstanceType({
    name: entry.name,
    labels: entry.labels,
    requirements,
    capacity: entry.capacity,
    overhead: entry.overhead,
    offerings: entry.offerings,
    wellKnownLabels,
  });
}

/** An error carrying a path relative to the instance type, to be prefixed by the caller. */
class RelativeError extends Error {
  readonly path: readonly PathSegment[];
  constructor(message: string, path: readonly PathSegment[]) {
    super(message);
    this.path = path;
  }
}

function withPrefix(error: unknown, prefix: readonly PathSegment[]): RelativeError {
  const inner = errorPath(error);
  return new RelativeError(error instanceof Error ? error.message : String(error), [...prefix, ...inner]);
}

function errorPath(error: unknown): readonly PathSegment[] {
  if (typeof error === "object" && error !== null && "path" in error && Array.isArray((error as { path: unknown }).path)) {
    return (error as { path: PathSegment[] }).path;
  }
  return [];
}

function toProblem(error: unknown, document: DocumentLabel, prefix: readonly PathSegment[]): ManifestProblem {
  const inner = errorPath(error);
  return { document, path: [...prefix, ...inner], message: error instanceof Error ? error.message : String(error) };
}

function documentLabel(doc: unknown, source: CatalogSource): DocumentLabel {
  const metadata = typeof doc === "object" && doc !== null ? (doc as { metadata?: unknown }).metadata : undefined;
  const name = typeof metadata === "object" && metadata !== null ? (metadata as { name?: unknown }).name : undefined;
  return {
    ...(source.file !== undefined ? { file: source.file } : {}),
    index: source.index ?? 1,
    kind: INSTANCE_TYPE_CATALOG_KIND,
    ...(typeof name === "string" ? { name } : {}),
  };
}
