import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Every public subpath's types resolve for a consumer, under each moduleResolution TypeScript offers:
// node10 (`"moduleResolution": "node"`, which ignores `exports` and needs `typesVersions`), node16 and bundler.
const root = new URL("../../", import.meta.url).pathname;
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

const CONSUMER = `import { schedule, VERSION } from "nodefit";
import { fromKubernetes } from "nodefit/kubernetes";
import { defaultAwsCatalog } from "nodefit/aws";
import { defaultAzureCatalog } from "nodefit/azure";
import { defaultGcpCatalog } from "nodefit/gcp";
import { fakeInstanceTypes } from "nodefit/testing";
export const checks: [string, unknown, unknown, unknown, unknown, unknown, unknown] = [VERSION, schedule, fromKubernetes, defaultAwsCatalog, defaultAzureCatalog, defaultGcpCatalog, fakeInstanceTypes];
// Each subpath's types are real (a type that failed to resolve would be any, and these would not be errors).
// @ts-expect-error not a property of InstanceType
defaultAwsCatalog()[0]?.notAProperty;
// @ts-expect-error not a property of InstanceType
defaultAzureCatalog()[0]?.notAProperty;
// @ts-expect-error not a property of InstanceType
defaultGcpCatalog()[0]?.notAProperty;
// @ts-expect-error not a property of InstanceType
fakeInstanceTypes()[0]?.notAProperty;
// @ts-expect-error not a property of KubernetesInput
fromKubernetes([]).notAProperty;
// @ts-expect-error not a property of ScheduleResult
schedule({ pods: [], nodePools: [], instanceTypes: [] }).notAProperty;
`;

// The package as npm installs it (package.json and dist copied, not linked, so "nodefit" inside dist resolves
// the way it does for a consumer), with its dependencies linked from this repository.
const DEPENDENCIES = ["zod", "yaml", "decimal.js", "fast-check", "pure-rand"];

function consumer(compilerOptions: Record<string, unknown>, type: "module" | "commonjs"): string {
  const dir = mkdtempSync(join(tmpdir(), "nodefit-consumer-"));
  mkdirSync(join(dir, "node_modules"));
  cpSync(join(root, "package.json"), join(dir, "node_modules", "nodefit", "package.json"));
  cpSync(join(root, "dist"), join(dir, "node_modules", "nodefit", "dist"), { recursive: true });
  for (const name of DEPENDENCIES) symlinkSync(join(root, "node_modules", name), join(dir, "node_modules", name), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type }));
  writeFileSync(join(dir, "index.ts"), CONSUMER);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, target: "ES2022", lib: ["ES2022"], types: [], ...compilerOptions },
      files: ["index.ts"],
    }),
  );
  return dir;
}

describe("types resolve for consumers", () => {
  const cases: [string, Record<string, unknown>, "module" | "commonjs"][] = [
    ["node10 (moduleResolution node)", { module: "commonjs", moduleResolution: "node10", ignoreDeprecations: "5.0" }, "commonjs"],
    ["node16, ESM", { module: "node16", moduleResolution: "node16" }, "module"],
    ["node16, CommonJS", { module: "node16", moduleResolution: "node16" }, "commonjs"],
    ["bundler", { module: "preserve", moduleResolution: "bundler" }, "module"],
  ];
  for (const [name, options, type] of cases) {
    it(name, () => {
      const dir = consumer(options, type);
      let output = "";
      try {
        execFileSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8" });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output).toBe("");
    });
  }
});
