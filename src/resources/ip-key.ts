/**
 * Comparable keys for IP address text, so that `::ffff:10.0.0.1` equals `10.0.0.1` and
 * `0:0::0` equals `::`, as Go's `net.IP.Equal` sees them.
 *
 * @internal
 * @module
 */

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

/** The four octets of dotted IPv4 text (Go refuses leading zeros), or undefined. */
function ipv4Octets(text: string): number[] | undefined {
  const match = IPV4.exec(text);
  if (match === null) return undefined;
  const octets = match.slice(1).map((part) => (part.length > 1 && part.startsWith("0") ? Number.NaN : Number(part)));
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** Hextets of one side of `::`, with an optional trailing dotted IPv4 part; undefined if malformed. */
function hextets(text: string, allowIpv4Tail: boolean): number[] | undefined {
  if (text === "") return [];
  const parts = text.split(":");
  const out: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (allowIpv4Tail && i === parts.length - 1 && part.includes(".")) {
      const v4 = ipv4Octets(part);
      if (v4 === undefined) return undefined;
      out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    } else if (HEXTET.test(part)) {
      out.push(Number.parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return out;
}

/** The eight hextets of IPv6 text, or undefined. */
function ipv6Hextets(text: string): number[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  if (halves.length === 1) {
    const all = hextets(text, true);
    return all?.length === 8 ? all : undefined;
  }
  const head = hextets(halves[0] ?? "", false);
  const tail = hextets(halves[1] ?? "", true);
  if (head === undefined || tail === undefined || head.length + tail.length > 7) return undefined;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/**
 * A canonical key for IP text: dotted IPv4 (also for IPv4-mapped IPv6), eight lowercase hextets
 * for other IPv6, and the text itself when it is not an IP address.
 *
 * @internal
 */
export function ipKey(text: string): string {
  const v4 = ipv4Octets(text);
  if (v4 !== undefined) return v4.join(".");
  const v6 = ipv6Hextets(text);
  if (v6 === undefined) return text;
  const mapped = v6.slice(0, 5).every((h) => h === 0) && v6[5] === 0xffff;
  if (mapped) return [(v6[6] ?? 0) >> 8, (v6[6] ?? 0) & 255, (v6[7] ?? 0) >> 8, (v6[7] ?? 0) & 255].join(".");
  return v6.map((h) => h.toString(16)).join(":");
}

/**
 * Whether IP text is an unspecified address (`0.0.0.0`, `::` or an equivalent spelling).
 *
 * @internal
 */
export function isUnspecifiedIp(text: string): boolean {
  const key = ipKey(text);
  return key === "0.0.0.0" || key === "0:0:0:0:0:0:0:0";
}
