import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// Issue 17: an application may load nodefit twice, through `require` and through `import`; each copy has its own
// InstanceTypeIndex class. An index built by one copy must schedule in the other exactly as its own would.
const root = new URL("../../", import.meta.url);

const script = `
import { createRequire } from "node:module";
import { schedule, toScheduleJson } from "nodefit";
import { InstanceTypeIndex } from "nodefit/advanced";
import { fakeInstanceTypes } from "nodefit/testing";
const cjs = createRequire(process.cwd() + "/package.json")("nodefit/advanced");
const pods = Array.from({ length: 12 }, (_, i) => ({
  metadata: { name: "inflate-" + i, namespace: "default", uid: "uid-" + i },
  spec: { containers: [{ name: "app", resources: { requests: { cpu: String(1 + (i % 3)), memory: "1Gi" } } }] },
}));
const nodePools = [{ metadata: { name: "default" }, spec: { template: { spec: { requirements: [] } } } }];
const types = fakeInstanceTypes();
const run = (index) => toScheduleJson(schedule({ pods, nodePools, instanceTypes: index }));
console.log(JSON.stringify({
  distinctClasses: cjs.InstanceTypeIndex !== InstanceTypeIndex,
  esm: run(InstanceTypeIndex.build(types)),
  cjs: run(cjs.InstanceTypeIndex.build(types)),
  list: run(types),
}));
`;

describe("InstanceTypeIndex across module copies (issue 17)", () => {
  it("an index built through require() schedules in the ESM schedule() as an ESM-built index does", () => {
    const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" })) as {
      distinctClasses: boolean;
      esm: string;
      cjs: string;
      list: string;
    };
    expect(out.distinctClasses).toBe(true);
    expect(out.esm).toContain("inflate-11");
    expect(out.cjs).toBe(out.esm);
    expect(out.list).toBe(out.esm);
  });
});
