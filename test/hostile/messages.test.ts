/** Issue 18: long values are cut in messages, so a 1 MiB key gives a line, not a megabyte. */
import { describe, expect, it } from "vitest";
import { MAX_STRING_LENGTH, safeFromKubernetes, type ManifestError } from "nodefit/kubernetes";

function message(object: unknown): string {
  const result = safeFromKubernetes([{ object, file: "big.yaml", index: 1 }]);
  return result.ok ? "(loaded)" : result.error.message;
}

const pod = (spec: unknown, name = "p"): unknown => ({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec });

describe("long values in messages", () => {
  it("a 1 MiB resource name with a bad quantity: the path is cut, the problem data keeps it", () => {
    const key = "k".repeat(MAX_STRING_LENGTH);
    const result = safeFromKubernetes([
      { object: pod({ containers: [{ name: "a", resources: { requests: { [key]: "abc" } } }] }), file: "big.yaml", index: 1 },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe(
      `big.yaml: document 1 (Pod default/p): spec.containers[0].resources.requests.${"k".repeat(100)}… (1,048,576 characters): "abc" is not a quantity`,
    );
    expect((result.error as ManifestError).problems[0]?.path.at(-1)).toBe(key);
  });

  it("a 1 MiB value and a 1 MiB name are quoted by their first 100 characters", () => {
    const long = "v".repeat(MAX_STRING_LENGTH);
    const text = message(pod({ containers: [{ name: "a", resources: { requests: { cpu: long } } }] }, long));
    expect(text.length).toBeLessThan(1_000);
    expect(text).toContain(`(Pod default/${"v".repeat(100)}… (1,048,576 characters))`);
  });

  it("an unknown kind 1 MiB long", () => {
    const text = message({ apiVersion: "v1", kind: "K".repeat(MAX_STRING_LENGTH) });
    expect(text).toBe(
      `big.yaml: document 1 (${"K".repeat(100)}… (1,048,576 characters)): kind: unknown kind "${"K".repeat(100)}"… (1,048,576 characters) (apiVersion "v1")`,
    );
  });
});
