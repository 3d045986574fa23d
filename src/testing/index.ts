/**
 * Builders and fast-check arbitraries for people who test code built on nodefit.
 *
 * @packageDocumentation
 */
export { VERSION } from "nodefit";
