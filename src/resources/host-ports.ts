import type { Container, PodSpec } from "../types/kubernetes.js";
import { ipKey, isUnspecifiedIp } from "./ip-key.js";

/**
 * A host port a pod binds on its node: IP (`0.0.0.0` when unspecified), port and protocol.
 *
 * @category Resources
 */
export interface HostPort {
  readonly ip: string;
  readonly port: number;
  readonly protocol: string;
}

function containerHostPorts(containers: readonly Container[] | undefined, out: HostPort[]): void {
  for (const container of containers ?? []) {
    for (const port of container.ports ?? []) {
      const hostPort = port.hostPort ?? 0;
      if (!(hostPort > 0)) continue;
      // Kubernetes: without hostIP and protocol, a host port binds 0.0.0.0 over TCP.
      out.push({ ip: port.hostIP || "0.0.0.0", port: hostPort, protocol: port.protocol || "TCP" });
    }
  }
}

/**
 * The host ports a pod binds: every port with `hostPort > 0` of its containers, then of its init
 * containers, in spec order.
 *
 * @param spec - the pod spec
 * @returns the host ports, with an empty hostIP as `0.0.0.0` and a missing protocol as `TCP`
 * @example
 * ```ts
 * podHostPorts({ containers: [{ ports: [{ containerPort: 80, hostPort: 8080 }] }] });
 * // [{ ip: "0.0.0.0", port: 8080, protocol: "TCP" }]
 * ```
 * @category Resources
 */
export function podHostPorts(spec: PodSpec): readonly HostPort[] {
  const out: HostPort[] = [];
  containerHostPorts(spec.containers, out);
  containerHostPorts(spec.initContainers, out);
  return out;
}

/**
 * Whether two host ports cannot share a node: same protocol and port, and the same IP or either
 * IP unspecified (`0.0.0.0` or `::`). IPs compare as addresses, so `::ffff:10.0.0.1` equals
 * `10.0.0.1`.
 *
 * @param a - one host port
 * @param b - another host port
 * @returns true when they conflict
 * @example
 * ```ts
 * hostPortsConflict({ ip: "0.0.0.0", port: 80, protocol: "TCP" }, { ip: "10.0.0.1", port: 80, protocol: "TCP" }); // true
 * hostPortsConflict({ ip: "0.0.0.0", port: 80, protocol: "TCP" }, { ip: "0.0.0.0", port: 80, protocol: "UDP" }); // false
 * ```
 * @category Resources
 */
export function hostPortsConflict(a: HostPort, b: HostPort): boolean {
  if (a.port !== b.port || a.protocol !== b.protocol) return false;
  return isUnspecifiedIp(a.ip) || isUnspecifiedIp(b.ip) || ipKey(a.ip) === ipKey(b.ip);
}
