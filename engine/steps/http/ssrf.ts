/**
 * The SSRF guard of http steps. A workflow's URLs often come from run input, so by default an
 * http step may reach only public addresses over http(s). The check runs on the address actually
 * connected to (a custom `lookup`), not on the name in the URL, which defeats DNS rebinding;
 * redirects are followed by the caller one hop at a time and each hop is checked again.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { formatIp, inPrefix, parseIp, refusedRange, type AddressBytes } from './addresses';

/** One `SLUICE_HTTP_ALLOW` entry: a host name (`*.corp.example` too), an IP or a CIDR, optionally with `:port`. */
export type AllowRule =
  | { kind: 'host'; host: string; port?: number }
  | { kind: 'network'; bytes: AddressBytes; prefix: number; port?: number };

const HINT = 'allow it with SLUICE_HTTP_ALLOW';

/** Parses `SLUICE_HTTP_ALLOW` entries; throws naming a malformed entry. */
export function parseAllowList(entries: readonly string[]): AllowRule[] {
  return entries.map((entry) => {
    const match = /^(\[[^\]]+\]|[^:/]+|[0-9a-fA-F:]+)(\/\d{1,3})?(?::(\d{1,5}))?$/.exec(entry.trim());
    const bare = match ? undefined : parseIp(entry.trim()); // an IPv6 literal without brackets
    if (bare) return { kind: 'network', bytes: bare, prefix: bare.length * 8 };
    if (!match) throw new Error(`SLUICE_HTTP_ALLOW entry "${entry}" is not a host, IP or CIDR (with an optional :port)`);
    const [, host, cidr, port] = match;
    const bytes = parseIp(host);
    const portNumber = port === undefined ? undefined : Number(port);
    if (bytes) {
      const prefix = cidr === undefined ? bytes.length * 8 : Number(cidr.slice(1));
      if (prefix > bytes.length * 8) throw new Error(`SLUICE_HTTP_ALLOW entry "${entry}" has a prefix longer than the address`);
      return { kind: 'network', bytes, prefix, port: portNumber };
    }
    if (cidr !== undefined) throw new Error(`SLUICE_HTTP_ALLOW entry "${entry}": a CIDR needs an IP address`);
    return { kind: 'host', host: host.toLowerCase().replace(/\.$/, ''), port: portNumber };
  });
}

/** Why a URL's scheme is refused, or undefined for http and https. */
export function refuseScheme(url: URL): string | undefined {
  if (url.protocol === 'http:' || url.protocol === 'https:') return undefined;
  return `refused: ${url.protocol.replace(/:$/, '')}:// URLs are not allowed; http steps speak only http and https`;
}

/** Whether the URL's host name itself is allow-listed (then any address it resolves to is accepted). */
export function hostAllowed(url: URL, allow: readonly AllowRule[]): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const port = portOf(url);
  return allow.some(
    (rule) =>
      rule.kind === 'host' &&
      (rule.port === undefined || rule.port === port) &&
      (rule.host === host || (rule.host.startsWith('*.') && host.endsWith(rule.host.slice(1)))),
  );
}

/** Why connecting to `address` on `port` is refused, or undefined when it is allowed. */
export function refuseAddress(address: string, port: number, allow: readonly AllowRule[], host?: string): string | undefined {
  const bytes = parseIp(address);
  if (!bytes) return `refused: ${address} is not an IP address`;
  const allowed = allow.some(
    (rule) => rule.kind === 'network' && (rule.port === undefined || rule.port === port) && inPrefix(bytes, rule.bytes, rule.prefix),
  );
  if (allowed) return undefined;
  const reason = refusedRange(bytes);
  if (reason === undefined) return undefined;
  const shown = bytes.length === 4 ? formatIp(bytes) : address.replace(/^\[|\]$/g, '');
  const subject = host !== undefined && parseIp(host) === undefined ? `${host} resolves to ${shown}, which` : shown;
  return `refused: ${subject} is ${reason}; ${HINT}`;
}

/** The URL's port, with the scheme's default. */
export function portOf(url: URL): number {
  return url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Why a request to `url` is refused before any connection (scheme, literal IP host), or undefined. */
export function refuseUrl(url: URL, allow: readonly AllowRule[]): string | undefined {
  const scheme = refuseScheme(url);
  if (scheme) return scheme;
  if (hostAllowed(url, allow)) return undefined;
  // Node never calls `lookup` for a literal IP, so literals are checked here.
  if (parseIp(url.hostname)) return refuseAddress(url.hostname, portOf(url), allow);
  return undefined;
}

/** The error a guarded lookup fails with: its message is the refusal. */
export class RefusedAddressError extends Error {
  readonly code = 'ESLUICE_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'RefusedAddressError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) that resolves `url`'s host and keeps only allowed addresses, so the
 * socket can only connect to an address that passed the check (Node 20 asks for `all: true` when
 * it races address families, and for a single address otherwise).
 */
export function guardedLookup(url: URL, allow: readonly AllowRule[]) {
  const port = portOf(url);
  const trusted = hostAllowed(url, allow);
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const kept = trusted ? addresses : addresses.filter((entry) => refuseAddress(entry.address, port, allow) === undefined);
      if (kept.length === 0) {
        const first = addresses[0];
        const why = first ? refuseAddress(first.address, port, allow, hostname) : `refused: ${hostname} has no address`;
        return callback(new RefusedAddressError(why ?? `refused: ${hostname}`), '');
      }
      if (options.all) return callback(null, kept);
      return callback(null, kept[0].address, kept[0].family);
    });
  };
}
