import type { LabelSelector, PathSegment, StringMap } from "nodefit";
import { extendedResourceProblem } from "./extended-resources.js";
import { dnsLabelProblem, dnsSubdomainProblem, labelKeyProblem, labelValueProblem } from "./names.js";
import { podPhaseProblem } from "./pod-phase.js";
import { selectorProblem } from "./selector.js";

/** One thing the API server would refuse, and where in the document. */
export interface SemanticProblem {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

type Json = Readonly<Record<string, unknown>>;
type Path = readonly PathSegment[];

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Kinds whose pod template is `spec.template`, and whether their `spec.selector` must select it. */
const TEMPLATE_KINDS: ReadonlyMap<string, boolean> = new Map([
  ["Deployment", true],
  ["ReplicaSet", true],
  ["StatefulSet", true],
  ["DaemonSet", true],
  ["Job", false],
]);

const NAMESPACED: ReadonlySet<string> = new Set(["Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "PodDisruptionBudget"]);

// Label keys and values repeat across documents (app, team, zone names): each is checked once.
const keyProblems = new Map<string, string | undefined>();
const valueProblems = new Map<string, string | undefined>();
const MEMO_LIMIT = 10_000;

function memoized(memo: Map<string, string | undefined>, text: string, check: (text: string) => string | undefined): string | undefined {
  if (memo.has(text)) return memo.get(text);
  const problem = check(text);
  if (memo.size < MEMO_LIMIT) memo.set(text, problem);
  return problem;
}

class Collector {
  readonly problems: SemanticProblem[] = [];

  add(path: Path, message: string | undefined): void {
    if (message !== undefined) this.problems.push({ path, message });
  }

  /** Label keys and values of a map (labels, nodeSelector). */
  labels(map: unknown, path: Path): void {
    if (!isRecord(map)) return;
    // Paths are built only for a problem: nearly every label has none.
    for (const [key, value] of Object.entries(map)) {
      const keyProblem = memoized(keyProblems, key, labelKeyProblem);
      if (keyProblem !== undefined) this.add([...path, key], keyProblem);
      const valueProblem = typeof value === "string" ? memoized(valueProblems, value, labelValueProblem) : undefined;
      if (valueProblem !== undefined) this.add([...path, key], valueProblem);
    }
  }

  /** Extended resources in whole units, in every container's requests and limits. */
  podSpec(spec: unknown, path: Path): void {
    if (!isRecord(spec)) return;
    this.labels(spec["nodeSelector"], [...path, "nodeSelector"]);
    for (const list of ["containers", "initContainers"]) {
      const containers = spec[list];
      if (!Array.isArray(containers)) continue;
      containers.forEach((container: unknown, i) => {
        for (const part of ["requests", "limits"]) {
          const resources = isRecord(container) && isRecord(container["resources"]) ? container["resources"][part] : undefined;
          if (!isRecord(resources)) continue;
          for (const [name, quantity] of Object.entries(resources)) {
            const problem = extendedResourceProblem(name, quantity);
            if (problem !== undefined) this.add([...path, list, i, "resources", part, name], problem);
          }
        }
      });
    }
  }
}

/**
 * What the API server would refuse in one Kubernetes object that nodefit's schemas accept: names that
 * are not DNS-1123 subdomains, namespaces that are not DNS labels, invalid label keys and values (in
 * metadata, templates and nodeSelectors), a pod phase Kubernetes does not define, a workload selector
 * that does not select its own template (or selects everything), and fractional extended resources
 * (`"0.5"` of `nvidia.com/gpu`). Reads the object defensively: fields of the wrong type are the
 * schemas' business and are skipped here.
 *
 * @param object - one object, as read from a manifest or the API (after `plainData` copied it)
 * @returns every problem found, in document order; empty when the API server would accept these fields
 * @internal
 * @example
 * ```ts
 * semanticProblems({ kind: "Pod", metadata: { name: "Web" }, spec: {}, status: { phase: "Bogus" } }).map((p) => p.path);
 * // [["metadata", "name"], ["status", "phase"]]
 * ```
 */
export function semanticProblems(object: unknown): readonly SemanticProblem[] {
  const out = new Collector();
  if (!isRecord(object)) return out.problems;
  const kind = typeof object["kind"] === "string" ? object["kind"] : "";
  const metadata = object["metadata"];
  if (isRecord(metadata)) {
    if (typeof metadata["name"] === "string" && metadata["name"] !== "") out.add(["metadata", "name"], dnsSubdomainProblem(metadata["name"]));
    if (NAMESPACED.has(kind) && typeof metadata["namespace"] === "string" && metadata["namespace"] !== "")
      out.add(["metadata", "namespace"], dnsLabelProblem(metadata["namespace"]));
    out.labels(metadata["labels"], ["metadata", "labels"]);
  }
  const spec = object["spec"];
  if (kind === "Pod") {
    out.podSpec(spec, ["spec"]);
    const status = object["status"];
    if (isRecord(status)) out.add(["status", "phase"], podPhaseProblem(status["phase"]));
  }
  const checksSelector = TEMPLATE_KINDS.get(kind);
  if (checksSelector !== undefined && isRecord(spec)) {
    const template = isRecord(spec["template"]) ? spec["template"] : {};
    const templateMetadata = isRecord(template["metadata"]) ? template["metadata"] : {};
    out.labels(templateMetadata["labels"], ["spec", "template", "metadata", "labels"]);
    out.podSpec(template["spec"], ["spec", "template", "spec"]);
    if (checksSelector && isRecord(spec["selector"])) {
      out.add(["spec", "selector"], selectorProblem(spec["selector"] as LabelSelector, templateMetadata["labels"] as StringMap | undefined));
    }
  }
  if (kind === "NodePool" && isRecord(spec) && isRecord(spec["template"]) && isRecord(spec["template"]["metadata"])) {
    out.labels(spec["template"]["metadata"]["labels"], ["spec", "template", "metadata", "labels"]);
  }
  return out.problems;
}
