/**
 * Kubernetes' rules for names, label keys and label values (apimachinery `validation`), so an object
 * the API server would refuse is refused here too instead of being accepted silently.
 *
 * @module
 */
import { showValue } from "../show-value.js";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A label value or the name part of a qualified name: alphanumerics, `-`, `_`, `.` inside. */
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * Why a text is not a DNS-1123 subdomain (most object names: Pods, Nodes, Deployments, NodePools), or
 * undefined when it is one: at most 253 characters, lower-case alphanumerics, `-` and `.`, starting and
 * ending with an alphanumeric.
 *
 * @param name - the name
 * @returns the reason, or undefined
 */
export function dnsSubdomainProblem(name: string): string | undefined {
  if (name.length > 253) return `${showValue(name)} is longer than 253 characters`;
  if (!DNS1123_SUBDOMAIN.test(name))
    return `${showValue(name)} is not a valid name: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit`;
  return undefined;
}

/**
 * Why a text is not a DNS-1123 label (namespaces), or undefined: at most 63 characters, lower-case
 * alphanumerics and `-`, starting and ending with an alphanumeric.
 *
 * @param name - the name
 * @returns the reason, or undefined
 */
export function dnsLabelProblem(name: string): string | undefined {
  if (name.length > 63) return `${showValue(name)} is longer than 63 characters`;
  if (!DNS1123_LABEL.test(name))
    return `${showValue(name)} is not a valid DNS label: lower-case letters, digits and '-', starting and ending with a letter or digit`;
  return undefined;
}

/**
 * Why a text is not a label key (a qualified name), or undefined: an optional DNS subdomain prefix and
 * `/`, then a name of at most 63 characters of alphanumerics, `-`, `_` and `.`, starting and ending with
 * an alphanumeric.
 *
 * @param key - the label key
 * @returns the reason, or undefined
 */
export function labelKeyProblem(key: string): string | undefined {
  const parts = key.split("/");
  if (parts.length > 2) return `label key ${showValue(key)} has more than one '/'`;
  const [prefix, name] = parts.length === 2 ? [parts[0] ?? "", parts[1] ?? ""] : [undefined, key];
  if (prefix !== undefined) {
    if (prefix === "") return `label key ${showValue(key)} has an empty prefix`;
    const problem = dnsSubdomainProblem(prefix);
    if (problem !== undefined) return `label key ${showValue(key)}: the prefix ${problem}`;
  }
  if (name === "") return `label key ${showValue(key)} has an empty name`;
  if (name.length > 63) return `label key ${showValue(key)}: the name part is longer than 63 characters`;
  if (!QUALIFIED_NAME_PART.test(name))
    return `label key ${showValue(key)} is not valid: letters, digits, '-', '_' and '.', starting and ending with a letter or digit`;
  return undefined;
}

/**
 * Why a text is not a label value, or undefined: empty, or at most 63 characters of alphanumerics,
 * `-`, `_` and `.`, starting and ending with an alphanumeric.
 *
 * @param value - the label value
 * @returns the reason, or undefined
 */
export function labelValueProblem(value: string): string | undefined {
  if (value === "") return undefined;
  if (value.length > 63) return `label value ${showValue(value)} is longer than 63 characters`;
  if (!QUALIFIED_NAME_PART.test(value))
    return `label value ${showValue(value)} is not valid: letters, digits, '-', '_' and '.', starting and ending with a letter or digit`;
  return undefined;
}
