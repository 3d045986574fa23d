/** Upstream test files the scenarios translate, by the short name scenario titles use. */
export const UPSTREAM_FILES = {
  "scheduling/suite": "pkg/controllers/provisioning/scheduling/suite_test.go",
  "scheduling/topology": "pkg/controllers/provisioning/scheduling/topology_test.go",
  "scheduling/instance_selection": "pkg/controllers/provisioning/scheduling/instance_selection_test.go",
  "provisioning/suite": "pkg/controllers/provisioning/suite_test.go",
  "disruption/consolidation": "pkg/controllers/disruption/consolidation_test.go",
  "disruption/emptiness": "pkg/controllers/disruption/emptiness_test.go",
  "disruption/drift": "pkg/controllers/disruption/drift_test.go",
  "disruption/suite": "pkg/controllers/disruption/suite_test.go",
  "nodeoverlay/suite": "pkg/controllers/nodeoverlay/suite_test.go",
  "nodeoverlay/store": "pkg/controllers/nodeoverlay/store_test.go",
  "nodeoverlay/store_memory": "pkg/controllers/nodeoverlay/store_memory_test.go",
  "v1alpha1/nodeoverlay_validation": "pkg/apis/v1alpha1/nodeoverlay_validation_test.go",
} as const;

/** The short name of an upstream test file. */
export type UpstreamFile = keyof typeof UPSTREAM_FILES;

/**
 * A scenario title naming the upstream test it translates: `[<file>] <Describe › Context › It>`, the
 * path exactly as `titles.json` lists it. The coverage test counts these.
 */
export function upstream(file: UpstreamFile, path: string): string {
  return `[${file}] ${path}`;
}

/**
 * The titles of an upstream test that upstream repeats verbatim in a second Context of the same name (the ledger's
 * `#2`): `[upstream(file, path), upstream(file, path + " #2")]`. The coverage test counts both.
 */
export function upstreamCopies(file: UpstreamFile, path: string): readonly string[] {
  return [upstream(file, path), upstream(file, `${path} #2`)];
}
