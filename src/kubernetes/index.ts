/**
 * Kubernetes objects in, nodefit's input out.
 *
 * @packageDocumentation
 */
export { VERSION } from "nodefit";
