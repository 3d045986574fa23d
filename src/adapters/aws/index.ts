/**
 * The aws catalogue adapter.
 *
 * @packageDocumentation
 */
export { VERSION } from "nodefit";
