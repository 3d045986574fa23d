import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { arbResourceList, arbResourceMap } from "../testing/arbitraries/resources.js";
import { resourceList, resourceListToRecord } from "./resource-list.js";

describe("resourceList", () => {
  it("reads quantities into base units", () => {
    expect(resourceList({ cpu: "1.5", memory: "2Gi", pods: 110, "nvidia.com/gpu": "1" })).toEqual(
      new Map([
        ["cpu", 1500],
        ["memory", 2 ** 31],
        ["pods", 110],
        ["nvidia.com/gpu", 1],
      ]),
    );
  });

  it("reads undefined (and YAML null) as empty", () => {
    expect(resourceList(undefined).size).toBe(0);
    expect(resourceList(null as unknown as undefined).size).toBe(0);
  });

  it("treats __proto__ and constructor as resource names", () => {
    const map = JSON.parse('{"__proto__": "2", "constructor": "3"}') as Record<string, string>;
    expect(resourceList(map)).toEqual(
      new Map([
        ["__proto__", 2],
        ["constructor", 3],
      ]),
    );
  });

  it("keeps zero amounts", () => {
    expect(resourceList({ cpu: "0" })).toEqual(new Map([["cpu", 0]]));
  });

  it("puts the resource name in the error path", () => {
    expect(() => resourceList({ cpu: "1", memory: "1GB" })).toThrow(expect.objectContaining({ code: "invalid-quantity", path: ["memory"] }));
    expect(() => resourceList({ memory: "1GB" }, ["spec", "limits"])).toThrow(
      expect.objectContaining({ path: ["spec", "limits", "memory"], message: expect.stringContaining('"1GB"') }),
    );
  });

  it("does not read inherited properties", () => {
    const map = Object.create({ cpu: "1" }) as Record<string, string>;
    map["memory"] = "1Ki";
    expect(resourceList(map)).toEqual(new Map([["memory", 1024]]));
  });
});

describe("resourceListToRecord", () => {
  it("formats canonically with sorted keys", () => {
    const record = resourceListToRecord(
      new Map([
        ["pods", 1],
        ["memory", 1610612736],
        ["cpu", 1500],
      ]),
    );
    expect(Object.keys(record)).toEqual(["cpu", "memory", "pods"]);
    expect(record).toEqual({ cpu: "1500m", memory: "1536Mi", pods: "1" });
  });

  it("keeps __proto__ an own key and leaves the prototype alone", () => {
    const record = resourceListToRecord(new Map([["__proto__", 2]]));
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(record, "__proto__")?.value).toBe("2");
  });

  test.prop([arbResourceList()])("reading a record back gives the list", (list) => {
    expect(resourceList(resourceListToRecord(list))).toEqual(new Map([...list].sort(([a], [b]) => (a < b ? -1 : 1))));
  });

  test.prop([arbResourceMap()])("formatting a read map gives canonical quantities back", (map) => {
    const record = resourceListToRecord(resourceList(map));
    for (const name of Object.keys(map)) expect(Object.getOwnPropertyDescriptor(record, name)?.value).toBe(map[name]);
  });
});
