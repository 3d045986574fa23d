/**
 * The azure catalogue adapter.
 *
 * @packageDocumentation
 */
export { VERSION } from "nodefit";
