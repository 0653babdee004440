/**
 * IP address parsing and the address ranges an http step may not reach by default. Pure: the
 * SSRF guard (`ssrf.ts`) applies these to literal hosts and to every resolved address.
 */
import { isIP } from 'node:net';

/** An address as bytes: 4 for IPv4, 16 for IPv6. */
export type AddressBytes = readonly number[];

interface Range {
  bytes: AddressBytes;
  prefix: number;
  what: string;
}

const range = (text: string, prefix: number, what: string): Range => ({ bytes: parseIp(text)!, prefix, what });

// Parsed on first use, not at import: Node's IPv6 check compiles a large regex the first time it runs,
// which cost the packaged app about 9 ms of its cold start.
let refused: { v4: Range[]; v6: Range[] } | undefined;

// Why each range is refused is part of the message users see.
const refusedRanges = () =>
  (refused ??= {
    v4: [
      range('0.0.0.0', 8, 'an unspecified ("this network") address'),
      range('127.0.0.0', 8, 'loopback'),
      range('10.0.0.0', 8, 'a private address (10.0.0.0/8)'),
      range('172.16.0.0', 12, 'a private address (172.16.0.0/12)'),
      range('192.168.0.0', 16, 'a private address (192.168.0.0/16)'),
      range('169.254.169.254', 32, 'link-local (the cloud metadata endpoint)'),
      range('169.254.0.0', 16, 'link-local'),
      range('100.64.0.0', 10, 'a shared (carrier-grade NAT) address'),
      range('192.0.0.0', 24, 'an IETF protocol address'),
      range('198.18.0.0', 15, 'a benchmarking address'),
      range('224.0.0.0', 4, 'multicast'),
      range('240.0.0.0', 4, 'a reserved address'),
    ],
    v6: [
      range('::', 128, 'an unspecified address'),
      range('::1', 128, 'loopback'),
      range('fe80::', 10, 'link-local'),
      range('fec0::', 10, 'a site-local address'),
      range('fc00::', 7, 'a private (unique local) address'),
      range('ff00::', 8, 'multicast'),
      range('100::', 64, 'a discard-only address'),
    ],
  });

/** Parses an IPv4 or IPv6 literal (brackets and zone id allowed); undefined when it is not one. */
export function parseIp(text: string): AddressBytes | undefined {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return bare.split('.').map(Number);
  if (family !== 6) return undefined;
  // A trailing dotted quad (`::ffff:1.2.3.4`) is two hex groups written the IPv4 way.
  const body = bare.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`,
  );
  const [head, rest] = body.split('::') as [string, string | undefined];
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const missing = 8 - left.length - right.length;
  const words = [...left, ...Array<number>(rest === undefined ? 0 : missing).fill(0), ...right];
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
export function embeddedIpv4(bytes: AddressBytes): AddressBytes | undefined {
  if (bytes.length !== 16) return undefined;
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12); // ::ffff:a.b.c.d
  if (zeros(0, 12) && !zeros(12, 16) && !(zeros(12, 15) && bytes[15] === 1)) return bytes.slice(12); // ::a.b.c.d
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return bytes.slice(12); // 64:ff9b::/96
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6); // 2002::/16 (6to4)
  return undefined;
}

/** Why an address is refused by default ("loopback", "link-local", …), or undefined when it is public. */
export function refusedRange(bytes: AddressBytes): string | undefined {
  const inner = embeddedIpv4(bytes);
  if (inner) {
    const reason = refusedRange(inner);
    return reason === undefined ? undefined : `${reason}, embedded in an IPv6 address`;
  }
  const ranges = bytes.length === 4 ? refusedRanges().v4 : refusedRanges().v6;
  return ranges.find((range) => inPrefix(bytes, range.bytes, range.prefix))?.what;
}

/** Whether `bytes` lies in `network/prefix` (same family; an IPv4-mapped address counts as IPv4). */
export function inPrefix(bytes: AddressBytes, network: AddressBytes, prefix: number): boolean {
  const address = bytes.length !== network.length ? (network.length === 4 ? embeddedIpv4(bytes) : undefined) : bytes;
  if (!address || address.length !== network.length) return false;
  for (let bit = 0; bit < prefix; bit += 8) {
    const take = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((address[bit / 8] & mask) !== (network[bit / 8] & mask)) return false;
  }
  return true;
}

/** Formats address bytes back to text (IPv6 without compression: only used in messages). */
export function formatIp(bytes: AddressBytes): string {
  if (bytes.length === 4) return bytes.join('.');
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return words.join(':');
}
