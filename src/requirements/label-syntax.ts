/**
 * The syntax Kubernetes allows for label keys and values (apimachinery's `IsQualifiedName` and
 * `IsValidLabelValue`), which upstream checks on every pod requirement before scheduling and on every
 * NodeOverlay requirement.
 *
 * @module
 */

// A name segment: at most 63 characters, alphanumeric at both ends, `-`, `_` and `.` inside.
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
// A DNS-1123 subdomain: lower-case alphanumeric labels joined by dots, `-` inside a label.
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_SUBDOMAIN = 253;

/**
 * Whether a label key is a Kubernetes qualified name: an optional DNS-subdomain prefix and `/`, then a name.
 *
 * @param key - the label key
 * @returns true when the API server would accept it
 * @example
 * ```ts
 * isQualifiedName("topology.kubernetes.io/zone"); // true
 * isQualifiedName("-zone"); // false
 * ```
 * @category Requirements
 */
export function isQualifiedName(key: string): boolean {
  const slash = key.indexOf("/");
  if (slash < 0) return NAME.test(key);
  const prefix = key.slice(0, slash);
  return prefix.length <= MAX_SUBDOMAIN && SUBDOMAIN.test(prefix) && NAME.test(key.slice(slash + 1));
}

/**
 * Whether a string is a valid label value: empty, or a name segment (at most 63 characters, alphanumeric at
 * both ends).
 *
 * @param value - the label value
 * @returns true when the API server would accept it
 * @category Requirements
 */
export function isValidLabelValue(value: string): boolean {
  return value === "" || NAME.test(value);
}
