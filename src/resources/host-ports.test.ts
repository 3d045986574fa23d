import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { hostPortsConflict, podHostPorts, type HostPort } from "./host-ports.js";
import { ipKey, isUnspecifiedIp } from "./ip-key.js";

const hp = (ip: string, port: number, protocol = "TCP"): HostPort => ({ ip, port, protocol });

describe("podHostPorts", () => {
  it("collects host ports of containers then init containers, with defaults", () => {
    const ports = podHostPorts({
      containers: [
        { ports: [{ containerPort: 80 }, { containerPort: 80, hostPort: 8080 }] },
        { ports: [{ containerPort: 53, hostPort: 53, protocol: "UDP", hostIP: "10.0.0.1" }] },
      ],
      initContainers: [{ ports: [{ containerPort: 9000, hostPort: 9000, hostIP: "" }] }],
    });
    expect(ports).toEqual([hp("0.0.0.0", 8080), hp("10.0.0.1", 53, "UDP"), hp("0.0.0.0", 9000)]);
  });

  it("ignores hostPort 0 and missing ports", () => {
    expect(podHostPorts({ containers: [{ ports: [{ containerPort: 80, hostPort: 0 }] }, {}] })).toEqual([]);
  });
});

describe("hostPortsConflict", () => {
  const cases: ReadonlyArray<readonly [string, HostPort, HostPort, boolean]> = [
    ["same IP, port and protocol", hp("10.0.0.1", 80), hp("10.0.0.1", 80), true],
    ["different ports", hp("0.0.0.0", 80), hp("0.0.0.0", 81), false],
    ["different protocols", hp("0.0.0.0", 80, "TCP"), hp("0.0.0.0", 80, "UDP"), false],
    ["different specific IPs", hp("10.0.0.1", 80), hp("10.0.0.2", 80), false],
    ["0.0.0.0 conflicts with any IP", hp("0.0.0.0", 80), hp("10.0.0.2", 80), true],
    ["any IP conflicts with 0.0.0.0", hp("10.0.0.2", 80), hp("0.0.0.0", 80), true],
    [":: conflicts with any IP", hp("::", 80), hp("fd00::1", 80), true],
    [":: conflicts with an IPv4 address", hp("::", 80), hp("10.0.0.1", 80), true],
    ["IPv4-mapped IPv6 equals IPv4", hp("::ffff:10.0.0.1", 80), hp("10.0.0.1", 80), true],
    ["IPv6 spellings compare as addresses", hp("fd00:0:0::1", 80), hp("FD00::0001", 80), true],
    ["different IPv6 addresses", hp("fd00::1", 80), hp("fd00::2", 80), false],
    ["SCTP is a protocol like any other", hp("0.0.0.0", 80, "SCTP"), hp("10.0.0.1", 80, "SCTP"), true],
  ];
  it.each(cases)("%s", (_name, a, b, expected) => {
    expect(hostPortsConflict(a, b)).toBe(expected);
  });

  const arbHostPort = fc.record({
    ip: fc.constantFrom("0.0.0.0", "::", "10.0.0.1", "::ffff:10.0.0.1", "10.0.0.2", "fd00::1", "not-an-ip"),
    port: fc.constantFrom(53, 80),
    protocol: fc.constantFrom("TCP", "UDP"),
  });

  test.prop([arbHostPort, arbHostPort])("conflict is symmetric", (a, b) => {
    expect(hostPortsConflict(a, b)).toBe(hostPortsConflict(b, a));
  });

  test.prop([arbHostPort])("a host port conflicts with itself", (a) => {
    expect(hostPortsConflict(a, a)).toBe(true);
  });
});

describe("ipKey", () => {
  it.each([
    ["10.0.0.1", "10.0.0.1"],
    ["::ffff:10.0.0.1", "10.0.0.1"],
    ["::ffff:a00:1", "10.0.0.1"],
    ["::", "0:0:0:0:0:0:0:0"],
    ["0:0:0:0:0:0:0:0", "0:0:0:0:0:0:0:0"],
    ["FD00::1", "fd00:0:0:0:0:0:0:1"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"],
    ["010.0.0.1", "010.0.0.1"], // Go refuses leading zeros: not an IP, compared as text
    ["256.0.0.1", "256.0.0.1"],
    ["1::2::3", "1::2::3"],
    ["1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8:9"],
  ])("%s → %s", (text, key) => {
    expect(ipKey(text)).toBe(key);
  });

  it.each([
    ["0.0.0.0", true],
    ["::", true],
    ["::ffff:0.0.0.0", true],
    ["0::0", true],
    ["10.0.0.1", false],
    ["", false],
  ] as const)("isUnspecifiedIp(%s) → %s", (text, expected) => {
    expect(isUnspecifiedIp(text)).toBe(expected);
  });
});
