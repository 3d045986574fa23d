import { toScheduleJson, schedule } from "nodefit";
import { pod, nodePool, syntheticInstanceTypes } from "nodefit/testing";
import { describe, expect, test } from "vitest";
import { writeScheduleJson } from "./json-stream.js";

function streamed(result: Parameters<typeof writeScheduleJson>[0]): { text: string; writes: number } {
  let text = "";
  let writes = 0;
  writeScheduleJson(result, (t) => {
    text += t;
    writes++;
  });
  return { text, writes };
}

describe("writeScheduleJson", () => {
  test("writes toScheduleJson's text and a newline, byte for byte", () => {
    const catalog = syntheticInstanceTypes(20);
    const pods = Array.from({ length: 40 }, (_, i) =>
      pod(`p-${i}`, { requests: { cpu: i % 3 === 0 ? "3" : "500m" }, labels: { 'a"b': "é\n", app: `a${i % 4}` } }),
    );
    const huge = pod("huge", { requests: { cpu: "1000" } });
    const result = schedule({ pods: [...pods, huge], nodePools: [nodePool("default")], instanceTypes: catalog });
    expect(result.nodeClaims.length).toBeGreaterThan(1);
    expect(result.unschedulable.length).toBe(1);
    expect(streamed(result).text).toBe(`${toScheduleJson(result)}\n`);
  });

  test("with no node claims, and with nothing at all", () => {
    const result = schedule({ pods: [pod("huge", { requests: { cpu: "1000" } })], nodePools: [nodePool("default")], instanceTypes: syntheticInstanceTypes(5) });
    expect(streamed(result).text).toBe(`${toScheduleJson(result)}\n`);
    const none = schedule({ pods: [], nodePools: [nodePool("default")], instanceTypes: syntheticInstanceTypes(5) });
    expect(streamed(none).text).toBe(`${toScheduleJson(none)}\n`);
  });

  test("pod and instance-type names that need escaping, and names that look like the keys", () => {
    const catalog = syntheticInstanceTypes(6).map((t, i) => (i === 2 ? { ...t, name: 'odd"\\type\u0001😀' } : t));
    const pods = ['"pods": []', 'quote"d', "back\\slash", "emoji-😀", "lone-\ud800", '"instanceTypeOptions": []', "plain"].map((name) =>
      pod(name, { requests: { cpu: "100m" } }),
    );
    const pool = nodePool('"instanceTypeOptions": []', {
      labels: { values: "[]", '"values": []': "x" },
      requirements: [
        { key: "example.com/team", operator: "In", values: ['"values": []', "a\\b"] },
        { key: "example.com/gone", operator: "DoesNotExist" },
      ],
      taints: [{ key: "values", value: "[]", effect: "NoSchedule" }],
    });
    const tolerant = pods.map((p) => ({ ...p, spec: { ...p.spec, tolerations: [{ operator: "Exists" as const }] } }));
    const result = schedule({ pods: tolerant, nodePools: [pool], instanceTypes: catalog });
    expect(result.nodeClaims.length).toBeGreaterThan(0);
    expect(streamed(result).text).toBe(`${toScheduleJson(result)}\n`);
  });
});
