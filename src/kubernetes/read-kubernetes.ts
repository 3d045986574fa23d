import type {
  CSINode,
  DaemonSet,
  Node,
  NodeClaim,
  NodeOverlay,
  NodePool,
  ObjectMeta,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodDisruptionBudget,
  StorageClass,
} from "nodefit";
import { expandWorkload } from "./expand-workload.js";
import { InputCounts } from "./input-counts.js";
import type { Refusal } from "./input-counts.js";
import { KINDS, READ_GROUPS, SKIPPED_KINDS, apiGroup } from "./kinds.js";
import type { KindInfo } from "./kinds.js";
import { ManifestError, describeDocument } from "./manifest-error.js";
import type { DocumentLabel, ManifestProblem } from "./manifest-error.js";
import { OBJECT_LISTS } from "./objects.js";
import type { KubernetesObjects } from "./objects.js";
import { Ownership } from "./ownership.js";
import type { OwnedWorkload, WorkloadKind } from "./ownership.js";
import { notProvisionable } from "./provisionable.js";
import { semanticProblems } from "./validation/document.js";
import type { Ec2NodeClassObject } from "./schemas/ec2nodeclass.js";
import type { WorkloadObject } from "./schemas/workloads.js";
import { showValue } from "./show-value.js";
import { statefulSetClaims } from "./statefulset-claims.js";
import type { FromKubernetesOptions, KubernetesDocument, KubernetesInput, KubernetesResult } from "./types.js";
import type { PathSegment } from "nodefit";
import { type PlainDataResult, plainData } from "./plain-data.js";

type Path = ReadonlyArray<string | number>;
type Entry = { readonly object: unknown; readonly source: KubernetesDocument; readonly label: DocumentLabel; readonly prefix: Path };

/** A Pod or a workload, kept in document order until every document is read and ownership is known. */
type PodSource =
  | { readonly pod: Pod; readonly label: DocumentLabel; readonly prefix: Path }
  | { readonly owned: OwnedWorkload; readonly label: DocumentLabel; readonly prefix: Path };

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Accumulates the outputs and problems of one run; local to {@link fromKubernetes}. */
class Reader {
  readonly problems: ManifestProblem[] = [];
  readonly pods: Pod[] = [];
  readonly boundPods: Pod[] = [];
  readonly nodePools: NodePool[] = [];
  readonly nodes: Node[] = [];
  readonly nodeClaims: NodeClaim[] = [];
  readonly daemonSets: DaemonSet[] = [];
  readonly podDisruptionBudgets: PodDisruptionBudget[] = [];
  readonly catalogs: KubernetesDocument[] = [];
  readonly ec2NodeClasses: Ec2NodeClassObject[] = [];
  readonly persistentVolumeClaims: PersistentVolumeClaim[] = [];
  readonly persistentVolumes: PersistentVolume[] = [];
  readonly storageClasses: StorageClass[] = [];
  readonly csiNodes: CSINode[] = [];
  readonly nodeOverlays: NodeOverlay[] = [];
  /** Claims StatefulSet controllers would create; used for those the input does not hold. */
  private readonly templateClaims: PersistentVolumeClaim[] = [];
  readonly skipped = new Map<string, number>();
  /** First definition of each `kind namespace/name`, for duplicate detection. */
  private readonly seen = new Map<string, DocumentLabel>();
  private readonly counts = new InputCounts();
  private readonly podSources: PodSource[] = [];

  constructor(
    private readonly defaultNamespace: string,
    private readonly strict: boolean,
    private readonly validate: KindValidator,
    private readonly copy: (value: unknown) => PlainDataResult,
  ) {}

  problem(label: DocumentLabel, path: Path, message: string): void {
    this.problems.push({ document: label, path, message });
  }

  /** Whether a count refused the object; reports the refusal the first time only. */
  private refused(refusal: Refusal, label: DocumentLabel, path: Path): boolean {
    if (refusal === undefined) return false;
    if (refusal !== "") this.problem(label, path, refusal);
    return true;
  }

  /** Reads one document, or each item of a `List` / `<Kind>List`. */
  readDocument(source: KubernetesDocument, position: number): void {
    const label: DocumentLabel = { file: source.file, index: source.index ?? position };
    const copied = this.copy(source.object);
    if (!copied.ok) return this.problem(this.rawLabel(label, source.object), copied.problem.path, copied.problem.message);
    const object = copied.value;
    if (!isRecord(object)) return this.problem(label, [], `expected a Kubernetes object, got ${showValue(object)}`);
    const kind = object["kind"];
    if (typeof kind === "string" && kind.endsWith("List") && !KINDS.has(kind) && !SKIPPED_KINDS.has(kind)) {
      // A list with no items (`items: null` is dropped as absent) is an empty list.
      const items = object["items"] ?? [];
      if (!Array.isArray(items)) return this.problem({ ...label, kind }, ["items"], `expected a list, got ${showValue(items)}`);
      const itemKind = kind === "List" ? undefined : kind.slice(0, -"List".length);
      items.forEach((item: unknown, i: number) => {
        // Items of a typed list (`PodList`) carry no kind or apiVersion of their own.
        const filled = isRecord(item) && itemKind !== undefined ? { apiVersion: object["apiVersion"], kind: itemKind, ...item } : item;
        this.readEntry({ object: filled, source, label, prefix: ["items", i] });
      });
      return;
    }
    this.readEntry({ object, source, label, prefix: [] });
  }

  /**
   * Reads `items[i]` of a typed list of {@link KubernetesObjects}: the list gives the kind (and the
   * apiVersion when the item has none); errors name the list and position, e.g. `pods[3].spec`.
   */
  readListItem(item: unknown, prefix: Path, apiVersion: string, kind: string): void {
    const copied = plainData(item);
    if (!copied.ok) return this.problem({ kind }, [...prefix, ...copied.problem.path], copied.problem.message);
    const object = copied.value;
    if (!isRecord(object)) return this.problem({ kind }, prefix, `expected a ${kind}, got ${showValue(object)}`);
    if (object["kind"] !== undefined && object["kind"] !== kind) {
      return this.problem({ kind }, [...prefix, "kind"], `expected a ${kind} in this list, got ${showValue(object["kind"])}`);
    }
    const filled = { ...object, apiVersion: object["apiVersion"] ?? apiVersion, kind };
    this.readEntry({ object: filled, source: { object: filled }, label: {}, prefix });
  }

  private readEntry(entry: Entry): void {
    const { object, prefix } = entry;
    if (!isRecord(object)) return this.problem(entry.label, prefix, `expected a Kubernetes object, got ${showValue(object)}`);
    const apiVersion = object["apiVersion"];
    const kind = object["kind"];
    if (apiVersion !== undefined && typeof apiVersion !== "string")
      return this.problem(entry.label, [...prefix, "apiVersion"], `expected a string, got ${showValue(apiVersion)}`);
    if (kind !== undefined && typeof kind !== "string") return this.problem(entry.label, [...prefix, "kind"], `expected a string, got ${showValue(kind)}`);
    if (typeof apiVersion !== "string" || apiVersion === "" || typeof kind !== "string" || kind === "") {
      const missing = [
        typeof apiVersion === "string" && apiVersion !== "" ? [] : ["apiVersion"],
        typeof kind === "string" && kind !== "" ? [] : ["kind"],
      ].flat();
      return this.problem(entry.label, prefix, `not a Kubernetes object: no ${missing.join(" and no ")}`);
    }
    if (SKIPPED_KINDS.has(kind)) return this.skip(kind);
    const info = KINDS.get(kind);
    if (info === undefined) {
      // Kinds of groups nodefit does not read (CRDs such as cert-manager's) are skipped; in the groups it
      // reads an unknown kind is most likely a typo.
      if (!this.strict && !READ_GROUPS.has(apiGroup(apiVersion))) return this.skip(kind);
      return this.problem({ ...entry.label, kind }, [...prefix, "kind"], `unknown kind ${showValue(kind)} (apiVersion ${showValue(apiVersion)})`);
    }
    const label = this.labelFor(entry.label, kind, info, object);
    if (!info.apiVersions.includes(apiVersion)) {
      const expected = info.apiVersions.map((v) => JSON.stringify(v)).join(" or ");
      return this.problem(label, [...prefix, "apiVersion"], `${showValue(apiVersion)} is not supported for ${kind}; expected ${expected}`);
    }
    if (info.role === "catalog") {
      if (this.refused(this.counts.addInstanceTypes(object["instanceTypes"]), label, [...prefix, "instanceTypes"])) return;
      this.catalogs.push(prefix.length === 0 ? entry.source : { ...entry.source, object });
      return;
    }
    const parsed = this.validate(kind, object);
    if (!parsed.ok) {
      for (const issue of parsed.issues) this.problem(label, [...prefix, ...issue.path], issue.message);
      return;
    }
    // What the API server would refuse and the schemas do not check (names, label syntax, phases, selectors).
    const semantic = semanticProblems(object);
    if (semantic.length > 0) {
      for (const p of semantic) this.problem(label, [...prefix, ...p.path], p.message);
      return;
    }
    this.accept(kind, info, label, prefix, parsed.data as { readonly metadata: ObjectMeta });
  }

  private skip(kind: string): void {
    this.skipped.set(kind, (this.skipped.get(kind) ?? 0) + 1);
  }

  /** The label of a document that could not be copied: its kind and name when they can be read safely. */
  private rawLabel(label: DocumentLabel, raw: unknown): DocumentLabel {
    try {
      const kind = isRecord(raw) ? raw["kind"] : undefined;
      if (typeof kind !== "string" || kind === "" || !isRecord(raw)) return label;
      const info = KINDS.get(kind);
      return info === undefined ? { ...label, kind } : this.labelFor(label, kind, info, raw);
    } catch {
      // A getter of the caller's object threw; the copy's problem already says so.
      return label;
    }
  }

  /** The document's label, with kind, name and (for namespaced kinds) the defaulted namespace. */
  private labelFor(base: DocumentLabel, kind: string, info: KindInfo, object: Readonly<Record<string, unknown>>): DocumentLabel {
    const metadata = isRecord(object["metadata"]) ? object["metadata"] : {};
    const name = typeof metadata["name"] === "string" ? metadata["name"] : undefined;
    const namespace = typeof metadata["namespace"] === "string" && metadata["namespace"] !== "" ? metadata["namespace"] : this.defaultNamespace;
    return { ...base, kind, ...(name === undefined ? {} : { name }), ...(info.namespaced ? { namespace } : {}) };
  }

  /** Records `kind namespace/name` as defined by `label`; false (with a problem at `metadata.name` under `prefix`) when it already was. */
  private claim(kind: string, namespace: string | undefined, name: string, label: DocumentLabel, prefix: Path): boolean {
    const key = `${kind}\u0000${namespace ?? ""}\u0000${name}`;
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, label);
      return true;
    }
    const id = namespace === undefined ? name : `${namespace}/${name}`;
    this.problem(label, [...prefix, "metadata", "name"], `duplicate ${kind} ${id}, first defined in ${describeDocument(first)}`);
    return false;
  }

  private accept(kind: string, info: KindInfo, label: DocumentLabel, prefix: Path, value: { readonly metadata: ObjectMeta }): void {
    const name = value.metadata.name ?? "";
    const namespace = label.namespace;
    if (!this.claim(kind, namespace, name, label, prefix)) return;
    // A namespace written as it is defaulted needs no copy: the copy would equal the object, key order included.
    const object = namespace === undefined || value.metadata.namespace === namespace ? value : { ...value, metadata: { ...value.metadata, namespace } };
    switch (info.role) {
      case "pod":
        return void this.podSources.push({ pod: object as Pod, label, prefix });
      case "workload": {
        const owned = { kind: kind as WorkloadKind, workload: object as WorkloadObject, namespace: namespace ?? this.defaultNamespace };
        // The claims a StatefulSet controller creates for every ordinal, used where the input has none.
        if (kind === "StatefulSet") this.templateClaims.push(...statefulSetClaims(owned.workload, owned.namespace, owned.workload.spec?.replicas ?? 1));
        return void this.podSources.push({ owned, label, prefix });
      }
      case "daemonSet":
        return void this.daemonSets.push(object as DaemonSet);
      case "node": {
        if (this.refused(this.counts.addNode(), label, prefix)) return;
        return void this.nodes.push(object as Node);
      }
      case "nodePool":
        return void this.nodePools.push(object as NodePool);
      case "nodeClaim": {
        if (this.refused(this.counts.addNodeClaim(), label, prefix)) return;
        return void this.nodeClaims.push(object as NodeClaim);
      }
      case "podDisruptionBudget":
        return void this.podDisruptionBudgets.push(object as PodDisruptionBudget);
      case "catalog":
        return;
      case "ec2NodeClass":
        return void this.ec2NodeClasses.push(object as Ec2NodeClassObject);
      case "persistentVolumeClaim":
        return void this.persistentVolumeClaims.push(object as PersistentVolumeClaim);
      case "persistentVolume":
        return void this.persistentVolumes.push(object as PersistentVolume);
      case "storageClass":
        return void this.storageClasses.push(object as StorageClass);
      case "csiNode":
        return void this.csiNodes.push(object as CSINode);
      case "nodeOverlay":
        return void this.nodeOverlays.push(object as NodeOverlay);
    }
  }

  /**
   * Once every document is read: the Pods and, in document order, the pods each workload still has to
   * create (see {@link Ownership}), counted against the pod limit before any is built.
   */
  finish(): void {
    const pods = this.podSources.flatMap((source) => ("pod" in source ? [source.pod] : []));
    const ownership = new Ownership(
      pods,
      this.podSources.flatMap((source) => ("owned" in source ? [source.owned] : [])),
    );
    for (const source of this.podSources) {
      const { label, prefix } = source;
      if ("pod" in source) {
        if (!this.refused(this.counts.addPods(1), label, prefix)) this.addPod(source.pod);
        continue;
      }
      const { kind, workload, namespace } = source.owned;
      const field = kind === "Job" ? "parallelism" : "replicas";
      if (this.refused(this.counts.addPods(ownership.missing(source.owned)), label, [...prefix, "spec", field])) continue;
      for (const pod of expandWorkload(kind, workload, namespace, ownership.missingOrdinals(source.owned))) {
        if (this.claim("Pod", pod.metadata.namespace, pod.metadata.name ?? "", label, prefix)) this.addPod(pod);
      }
    }
  }

  /** Files a pod as bound, or as pending when Karpenter would provision for it (else drops it). */
  private addPod(pod: Pod): void {
    if ((pod.spec.nodeName ?? "") !== "") this.boundPods.push(pod);
    else if (notProvisionable(pod) === undefined) this.pods.push(pod);
  }

  result(): KubernetesInput {
    const skipped = new Map([...this.skipped].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const { pods, boundPods, nodePools, nodes, nodeClaims, daemonSets, podDisruptionBudgets, catalogs, nodeOverlays, ec2NodeClasses } = this;
    const { persistentVolumeClaims, persistentVolumes, storageClasses, csiNodes } = this;
    const storage = persistentVolumeClaims.length + persistentVolumes.length + storageClasses.length + csiNodes.length > 0;
    const held = new Set(persistentVolumeClaims.map((c) => `${c.metadata.namespace ?? ""}/${c.metadata.name ?? ""}`));
    const made = this.templateClaims.filter((c) => !held.has(`${c.metadata.namespace ?? ""}/${c.metadata.name ?? ""}`));
    const claims = made.length === 0 ? persistentVolumeClaims : [...persistentVolumeClaims, ...made];
    const volumes = storage ? { volumes: { persistentVolumeClaims: claims, persistentVolumes, storageClasses, csiNodes } } : {};
    return { pods, boundPods, nodePools, nodes, nodeClaims, daemonSets, podDisruptionBudgets, catalogs, nodeOverlays, ec2NodeClasses, ...volumes, skipped };
  }
}

/**
 * A caller's document as a {@link KubernetesDocument}: `file` and `index` are kept only when usable, and
 * anything that is not a `{ object }` wrapper is read as the object itself (and refused there if need be).
 */
function asDocument(document: unknown): KubernetesDocument {
  if (!isRecord(document) || !("object" in document) || "kind" in document) return { object: document };
  const { file, index } = document;
  return {
    object: document["object"],
    ...(typeof file === "string" ? { file } : {}),
    ...(typeof index === "number" && Number.isSafeInteger(index) && index > 0 ? { index } : {}),
  };
}

/** What a kind's validation found: the parsed object (what the schema returns), or the issues. */
export type KindValidation =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly issues: readonly { readonly path: readonly PathSegment[]; readonly message: string }[] };

/**
 * Validates one object of a kind nodefit reads (every kind of `KINDS` but InstanceTypeCatalog).
 *
 * @internal
 */
export type KindValidator = (kind: string, object: Readonly<Record<string, unknown>>) => KindValidation;

/**
 * {@link safeFromKubernetes} with the validation of each kind given: the reader itself imports no schema
 * library, so a caller that validates without zod never loads it.
 *
 * @param input - the objects, each with the file and position it came from, or objects by kind
 * @param options - see {@link FromKubernetesOptions}
 * @param validate - validates each object of a kind nodefit reads
 * @param copy - copies each document as plain data ({@link plainData}); a caller whose documents are fresh from
 *   the fast readers (already within the limits) may hand over those without a null field as they are
 * @returns `{ ok: true, value }` or `{ ok: false, error }` (an `invalid-input` error)
 * @internal
 */
export function readKubernetes(
  input: readonly KubernetesDocument[] | KubernetesObjects,
  options: FromKubernetesOptions,
  validate: KindValidator,
  copy: (value: unknown) => PlainDataResult = plainData,
): KubernetesResult {
  const namespace = typeof options.defaultNamespace === "string" && options.defaultNamespace !== "" ? options.defaultNamespace : "default";
  const reader = new Reader(namespace, options.strict === true, validate, copy);
  let documents: unknown = input;
  const fields = [...OBJECT_LISTS.map(([field]) => field), "documents"];
  // A record with none of the lists (a single object or document passed by mistake) is neither input shape.
  if (isRecord(input) && Object.keys(input).some((key) => fields.includes(key))) {
    const objects = input as KubernetesObjects;
    for (const key of Object.keys(objects)) {
      // A single object passed by mistake (`fromKubernetes(pod)`) must not read as an empty input.
      if (!fields.includes(key)) reader.problem({}, [key], `is not a list nodefit reads; expected ${fields.join(", ")}`);
    }
    for (const [field, apiVersion, kind] of OBJECT_LISTS) {
      const items: unknown = objects[field];
      if (items === undefined) continue;
      if (!Array.isArray(items)) {
        reader.problem({}, [field], `expected a list of ${kind} objects, got ${showValue(items)}`);
        continue;
      }
      items.forEach((item: unknown, i) => reader.readListItem(item, [field, i], apiVersion, kind));
    }
    documents = objects.documents ?? [];
  }
  if (!Array.isArray(documents)) {
    reader.problem({}, [], `expected a list of documents ({ object, file?, index? }) or lists by kind ({ pods, nodes, ... }), got ${showValue(documents)}`);
  } else {
    documents.forEach((document: unknown, i) => {
      let wrapper: KubernetesDocument;
      try {
        wrapper = asDocument(document);
      } catch {
        // A proxy trap of the caller's wrapper threw; the object walk reports it with its message.
        wrapper = { object: document };
      }
      reader.readDocument(wrapper, i + 1);
    });
  }
  reader.finish();
  if (reader.problems.length > 0) return { ok: false, error: new ManifestError(reader.problems) };
  return { ok: true, value: reader.result() };
}
