import { createInstanceType, Requirement, type InstanceType, type PathSegment, type ResourceMap, type StringMap } from "nodefit";
import { ManifestError, type DocumentLabel, type ManifestProblem } from "./manifest-error.js";

/** One validated entry of an InstanceTypeCatalog's `instanceTypes` (what the catalogue schema returns). */
interface CatalogEntry {
  readonly name: string;
  readonly labels?: StringMap | undefined;
  readonly requirements?: ReadonlyArray<{ readonly key: string; readonly operator: string; readonly values?: readonly string[] | undefined }> | undefined;
  readonly capacity: ResourceMap;
  readonly overhead?:
    | {
        readonly kubeReserved?: ResourceMap | undefined;
        readonly systemReserved?: ResourceMap | undefined;
        readonly evictionThreshold?: ResourceMap | undefined;
      }
    | undefined;
  readonly offerings: Parameters<typeof createInstanceType>[0]["offerings"];
}

/**
 * A validated InstanceTypeCatalog document: what the catalogue schema (or its fast check) returns.
 *
 * @internal
 */
export interface CatalogData {
  readonly wellKnownLabels?: readonly string[] | undefined;
  readonly instanceTypes: readonly CatalogEntry[];
}

/**
 * The instance types of a validated catalogue document, in document order.
 *
 * @param data - the validated document
 * @param label - the document, for messages
 * @returns the instance types
 * @throws ManifestError listing every duplicate name and every value the core refuses
 * @internal
 */
export function instanceTypesOf(data: CatalogData, label: DocumentLabel): InstanceType[] {
  const problems: ManifestProblem[] = [];
  const types: InstanceType[] = [];
  const firstIndex = new Map<string, number>();
  const wellKnown = data.wellKnownLabels ?? [];
  data.instanceTypes.forEach((entry, i) => {
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

/**
 * The label of a catalogue document in messages: file, position, kind and name.
 *
 * @param doc - the document, as read
 * @param source - its file and position (default 1)
 * @returns the label
 * @internal
 */
export function catalogLabel(doc: unknown, source: { readonly file?: string | undefined; readonly index?: number | undefined }): DocumentLabel {
  const metadata = typeof doc === "object" && doc !== null ? (doc as { metadata?: unknown }).metadata : undefined;
  const name = typeof metadata === "object" && metadata !== null ? (metadata as { name?: unknown }).name : undefined;
  return {
    ...(source.file !== undefined ? { file: source.file } : {}),
    index: source.index ?? 1,
    kind: "InstanceTypeCatalog",
    ...(typeof name === "string" ? { name } : {}),
  };
}
