/**
 * Kubernetes quantities and resource arithmetic: exact quantity parsing and canonical
 * formatting, resource lists in base units, fit checks, dense vectors for hot loops, pod
 * effective requests and host ports.
 *
 * @module
 */
export { parseQuantity, quantityOf, quantitiesEqual } from "./quantity.js";
export type { Quantity, QuantityFormat } from "./quantity.js";
export { formatQuantity } from "./quantity-format.js";
export { CPU, isMemoryLikeResource, quantityAmount, quantityToAmount, formatAmount } from "./amount.js";
export type { Rounding } from "./rounding.js";
export { EMPTY_RESOURCES, resourceList, resourceListToRecord } from "./resource-list.js";
export type { ResourceList } from "./resource-list.js";
export { addResources, subtractResources, maxResources, minResources } from "./arithmetic.js";
export { fitsAmount, fitsResources, insufficientResources, overcommitted } from "./fits.js";
export type { ResourceShortfall } from "./fits.js";
export { ResourceSpace, addVectorInto, subtractVectorInto, fitsVector, fitsVectorAt } from "./resource-space.js";
export { podRequests } from "./pod-requests.js";
export { podHostPorts, hostPortsConflict } from "./host-ports.js";
export type { HostPort } from "./host-ports.js";
