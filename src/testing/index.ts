/**
 * Builders, fake catalogues and fast-check arbitraries for people who test code built on nodefit.
 * The arbitraries need `fast-check` (an optional peer dependency) installed.
 *
 * @packageDocumentation
 */
export { VERSION } from "nodefit";
export * from "./fake-catalog.js";
export * from "./arbitraries/resources.js";
export * from "./arbitraries/requirements.js";
export * from "./arbitraries/taints.js";
export * from "./arbitraries/instance-types.js";
export * from "./builders.js";
