// A typedoc plugin: titles each entry point by the import path users write (`nodefit`, `nodefit/aws`, ...)
// instead of its source path (`index`, `adapters/aws`). The map follows package.json's exports.
import { Converter, ReflectionKind } from "typedoc";

const TITLES = new Map([
  ["index", "nodefit"],
  ["advanced", "nodefit/advanced"],
  ["kubernetes", "nodefit/kubernetes"],
  ["adapters/aws", "nodefit/aws"],
  ["adapters/azure", "nodefit/azure"],
  ["adapters/gcp", "nodefit/gcp"],
  ["testing", "nodefit/testing"],
  ["worker", "nodefit/worker"],
]);

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const title = TITLES.get(module.name);
      if (title !== undefined) module.name = title;
    }
  });
}
