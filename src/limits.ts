/**
 * The documented input limits. nodefit refuses input past these with an `invalid-input` error that names
 * the limit, instead of running out of stack or memory. `nodefit/kubernetes` enforces them where input
 * enters (`fromKubernetes`, `parseManifests`, `loadManifests`); the core trusts what reaches it.
 *
 * Each limit sits well above what a real cluster produces (Kubernetes' own scalability envelope is 5,000
 * nodes and 150,000 pods per cluster) and at or above the sizes the test suite loads, and well below where
 * a recursive walk could overflow the JavaScript stack (about 10,000 frames) or a run outgrow a few GB.
 *
 * @module
 */

/**
 * The most pods one input may hold, pending and bound together, counted after expanding workloads.
 * Kubernetes supports at most 150,000 pods per cluster; the loader is tested at 100,000 pods. A workload
 * whose replicas would pass the limit is refused before any of its pods is created, so a typo such as
 * `replicas: 100000000` is an error, not an out-of-memory crash.
 *
 * @example
 * ```ts
 * MAX_PODS; // 150000
 * ```
 * @category Limits
 */
export const MAX_PODS: number = 150_000;

/**
 * The most Nodes one input may hold (and, separately, the most NodeClaims). Kubernetes supports 5,000
 * nodes per cluster; the loader is tested at 10,000 nodes.
 * @category Limits
 */
export const MAX_NODES: number = 15_000;

/**
 * The most instance types all `InstanceTypeCatalog` documents of one input may define together. The
 * largest cloud catalogues hold about 1,000 types (AWS EC2 about 900); the loader is tested at 5,000.
 * @category Limits
 */
export const MAX_INSTANCE_TYPES_IN_CATALOG: number = 10_000;

/**
 * How deeply objects and lists may nest inside one document, counting the document itself as 1.
 * Workload manifests nest about 15 levels (a Deployment's pod anti-affinity expression values are at
 * depth 14) and CRD schemas rarely pass 40; 100 keeps every recursive walk (copying, validation) a
 * hundred times below the JavaScript stack limit, and turns reference cycles into an error.
 * @category Limits
 */
export const MAX_DOCUMENT_DEPTH: number = 100;

/**
 * The longest string (value or object key) a document may hold, in UTF-16 code units: 1 MiB, the
 * order of the API server's own request limit (etcd stores at most 1.5 MiB per object), so any object
 * a cluster can hold passes, while a multi-megabyte value cannot slow validation down.
 * @category Limits
 */
export const MAX_STRING_LENGTH: number = 1_048_576;

/**
 * The longest resource quantity string (`"1500m"`, `"16Gi"`). Real quantities are under 20 characters; the
 * cap keeps quantity parsing linear and fast whatever a manifest holds.
 * @category Limits
 */
export const MAX_QUANTITY_LENGTH: number = 64;

/**
 * The most values (objects, lists, strings, numbers, booleans; keys not counted) one document may hold,
 * counting every YAML alias (`*name`) and every object referenced more than once as a full copy of
 * what it refers to, and every slot of a list, filled or not. This is the size the document has once
 * expanded, which is what every later step walks: without it a 93 KB file whose anchored list is
 * referenced 999 times expanded to 934 MB, and a sparse list of length 2^32-1 costs nothing to build
 * but forever to copy. A list that would pass the limit is refused by its length, before any item is
 * read. One Kubernetes object holds at most about 800,000 values (the API server stores at most
 * 1.5 MiB per object), so any object passes; a `List` document is one document, so a larger dump
 * (about 5,000 pods as `kubectl get -o yaml` writes them) is split into several. Measured: a Pod with
 * 1,000,000 annotations takes 6 s to validate, 4,000,000 took 49 s and 2 GB.
 * @category Limits
 */
export const MAX_DOCUMENT_VALUES: number = 1_000_000;

/**
 * The most YAML anchors (`&name`) and aliases (`*name`) one YAML document may hold together. The YAML
 * reader resolves each alias by scanning the anchors and aliases before it, so their number squared is
 * the work: 20,000 of them took 9 s. Hand-written manifests use a handful; generated ones (kubectl,
 * Helm) none.
 * @category Limits
 */
export const MAX_YAML_ALIASES: number = 1_000;

/**
 * The most NodePools one input may hold. Each pod is tried against every NodePool's template and each
 * NodePool a pod selects opens its own node claims, so time and memory grow with NodePools × pods:
 * measured on a 2-core machine with 4,000 pods each selecting one NodePool, 500 NodePools take 1.8 s and
 * 270 MB, 1,000 take 3.4 s and 510 MB (16,000 pods: 7.7 s and 850 MB), 2,000 take 13 s and 1.25 GB, and
 * 4,000 ran out of memory. Real clusters use a few dozen.
 * @category Limits
 */
export const MAX_NODE_POOLS: number = 500;

/**
 * The most scheduling work topology constraints may ask for: distinct topology constraints (topology
 * spread constraints and pod affinity / anti-affinity terms, distinct by namespace and the constraint
 * as written) times pods (pending and bound, after expanding workloads), plus pending pods that have
 * any such constraint times Nodes. Every pod is checked against every group, and every constrained
 * pending pod against every existing node, so this sum is what the scheduler's time grows with. Measured on a
 * 2-core machine (other work running): 6,000 Deployments of 3 replicas, each with its own zone spread
 * (6,000 × 18,000 = 108,000,000), took 31 s; 1,000 constraints over 50,000 pods 30 s; 500 over 20,000
 * (10,000,000) 5.7 s; 2,000 spread pods over 15,000 Nodes (30,000,000) 66 s. At this limit: 500
 * constraints over 20,000 pods, or 2,000 constrained pods over 5,000 Nodes.
 * @category Limits
 */
export const MAX_TOPOLOGY_SPREAD_WORK: number = 10_000_000;
