import { describe, expect, it } from "vitest";
import { node, nodeClaim } from "../testing/builders.js";
import type { NodeClaim } from "../types/kubernetes.js";
import { isInstanceTerminating, isNodeClaimDeleting, isNodeDeleting } from "./node-lifecycle.js";

const deleting = (c: NodeClaim): NodeClaim => ({ ...c, metadata: { ...c.metadata, deletionTimestamp: "2025-01-01T00:00:00Z" } });

describe("node lifecycle (upstream's StateNode.Deleted)", () => {
  const terminating = nodeClaim("c", { conditions: [{ type: "InstanceTerminating", status: "True" }] });

  it("a NodeClaim is deleting with a deletion timestamp or InstanceTerminating=True", () => {
    expect(isNodeClaimDeleting(nodeClaim("c"))).toBe(false);
    expect(isNodeClaimDeleting(deleting(nodeClaim("c")))).toBe(true);
    expect(isNodeClaimDeleting(terminating)).toBe(true);
    expect(isNodeClaimDeleting(nodeClaim("c", { conditions: [{ type: "InstanceTerminating", status: "False" }] }))).toBe(false);
    expect(isInstanceTerminating(terminating)).toBe(true);
    expect(isInstanceTerminating(deleting(nodeClaim("c")))).toBe(false);
  });

  it("a node is deleting with its own deletion timestamp or its NodeClaim deleting", () => {
    expect(isNodeDeleting(node("n"), undefined)).toBe(false);
    expect(isNodeDeleting(node("n", { deleting: true }), undefined)).toBe(true);
    expect(isNodeDeleting(node("n"), terminating)).toBe(true);
    expect(isNodeDeleting(node("n"), nodeClaim("c"))).toBe(false);
  });
});
