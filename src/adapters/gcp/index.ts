/**
 * The gcp catalogue adapter.
 *
 * @packageDocumentation
 */
export { VERSION } from "nodefit";
