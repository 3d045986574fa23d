import { describe, expect, it } from "vitest";
import * as kubernetes from "./index.js";

describe("nodefit/kubernetes entry", () => {
  it("exports the loader, the readers and the error type", () => {
    expect(typeof kubernetes.VERSION).toBe("string");
    for (const name of ["fromKubernetes", "safeFromKubernetes", "expandWorkload", "parseManifests", "loadManifests", "readInstanceTypeCatalog"] as const) {
      expect(typeof kubernetes[name]).toBe("function");
    }
    expect(new kubernetes.ManifestError([{ document: { index: 1 }, path: [], message: "x" }]).code).toBe("invalid-input");
  });

  it("hands catalogue documents to the catalogue reader with their source", () => {
    const catalog = {
      apiVersion: kubernetes.INSTANCE_TYPE_CATALOG_API_VERSION,
      kind: kubernetes.INSTANCE_TYPE_CATALOG_KIND,
      metadata: { name: "c" },
      instanceTypes: [{ name: "small", capacity: { cpu: "2", memory: "2Gi", pods: "5" }, offerings: [{ zone: "z1", capacityType: "spot", price: 0.1 }] }],
    };
    const input = kubernetes.fromKubernetes(kubernetes.parseManifests(JSON.stringify(catalog), "catalog.json"));
    const types = input.catalogs.flatMap((doc) => kubernetes.readInstanceTypeCatalog(doc.object, doc));
    expect(types.map((t) => t.name)).toEqual(["small"]);
  });
});
