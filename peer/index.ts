/**
 * The peer-device configuration library's entry: `peerConfig` turns a CreateVpnConnection file's parameters
 * into the customer gateway's configuration for one vendor, with the problems the vendor has with the file and
 * the placeholders left to fill in; `VENDORS` lists the vendors. Pure: no file system, no network. The vendor
 * keyword tables and the capability check live in language/peer/ (the language server reports the same
 * problems as diagnostics); the text generators are here, one module per vendor in generators/.
 */
import { LIFETIMES, peerProblems } from '../language/peer/problems';
import { readTunnel, type Tunnel } from '../language/peer/tunnel';
import type { LifetimeKind, VendorProfile } from '../language/peer/vendor';
import { VENDOR_PROFILES, vendorProfile } from '../language/peer/vendors/index';
import type { VendorId } from '../language/peer/vendor';
import { peerContext, type PeerContext } from './context';
import { ciscoAsaConfig } from './generators/ciscoAsa';
import { ciscoIosConfig } from './generators/ciscoIos';
import { fortiosConfig } from './generators/fortios';
import { h3cConfig } from './generators/h3c';
import { huaweiConfig } from './generators/huawei';
import { juniperSrxConfig } from './generators/juniperSrx';
import { libreswanConfig } from './generators/libreswan';
import { mikrotikConfig } from './generators/mikrotik';
import { panosConfig } from './generators/panos';
import { strongswanConfig } from './generators/strongswan';
import type { PeerConfig, PeerOptions } from './types';
import { VENDOR_SYNTAX } from './vendorSyntax';

export type { PeerAccountFacts, PeerConfig, PeerOptions, PeerProblem, VendorId } from './types';
export { VENDOR_IDS } from '../language/peer/vendor';
export { peerAccountFacts } from './accountFacts';

/** Every vendor, in the order the docs and the editor's quick pick show them. */
export const VENDORS: { id: VendorId; name: string }[] = VENDOR_PROFILES.map(({ id, name }) => ({ id, name }));

/** One generator per vendor: the vendor's syntax, from the resolved context. */
const GENERATORS: Record<VendorId, (context: PeerContext) => string> = {
  strongswan: strongswanConfig,
  libreswan: libreswanConfig,
  'cisco-ios': ciscoIosConfig,
  'cisco-asa': ciscoAsaConfig,
  huawei: huaweiConfig,
  h3c: h3cConfig,
  'juniper-srx': juniperSrxConfig,
  fortios: fortiosConfig,
  panos: panosConfig,
  mikrotik: mikrotikConfig,
};

/** The comment marker of a vendor's configuration syntax ("!" for Cisco, "#" for the others). */
export function commentMarker(vendor: VendorId): string {
  return vendor === 'cisco-ios' || vendor === 'cisco-asa' ? '!' : '#';
}

/** The named placeholders of a text (`<UPPER_CASE>`), each once, in order. */
function placeholdersOf(text: string): string[] {
  return [...new Set(text.match(/<[A-Z][A-Z0-9_]*>/g) ?? [])];
}

const WITH_LIFETIME: Record<LifetimeKind, (tunnel: Tunnel, value: number) => Tunnel> = {
  ikeSeconds: (t, value) => ({ ...t, ike: { ...t.ike, lifetimeSeconds: value } }),
  ipsecSeconds: (t, value) => ({ ...t, esp: { ...t.esp, lifetimeSeconds: value } }),
  ipsecKilobytes: (t, value) => ({ ...t, esp: { ...t.esp, lifetimeKilobytes: value } }),
};

/**
 * A lifetime the file leaves out is the API's default, which some platforms cannot take (ASA's traffic lifetime
 * stops at 2,147,483,647 KB, the API's default is 4,096,000,000): the peer gets the nearest value it takes, with a
 * sentence saying so. Each end rekeys at its own lifetime, so a shorter one on the peer only rekeys sooner.
 */
function clampDefaultedLifetimes(tunnel: Tunnel, profile: VendorProfile): { tunnel: Tunnel; notes: string[] } {
  const notes: string[] = [];
  let clamped = tunnel;
  for (const { kind, parameter, unit, value } of LIFETIMES) {
    const range = profile.limits?.[kind];
    const actual = value(tunnel);
    if (!range || !tunnel.defaultedLifetimes.includes(parameter) || (actual >= range[0] && actual <= range[1]))
      continue;
    const nearest = Math.min(Math.max(actual, range[0]), range[1]);
    clamped = WITH_LIFETIME[kind](clamped, nearest);
    notes.push(
      `${parameter} is not set: Tencent Cloud uses its default ${actual} ${unit}, outside ${profile.product}'s ${range[0]}–${range[1]} ${unit}; this device uses ${nearest} ${unit} (each end rekeys at its own lifetime).`,
    );
  }
  return { tunnel: clamped, notes };
}

/**
 * The customer gateway's configuration for `options.vendor`; throws only for a vendor id that does not exist. The
 * problems are what the vendor cannot do of what the file asks (language/peer/problems.ts, the editor's warnings
 * too), then the file's values the device's configuration cannot hold as they are (a key, an identity, a block).
 */
export function peerConfig(params: Record<string, unknown>, options: PeerOptions): PeerConfig {
  const profile = vendorProfile(options.vendor);
  const generate = (GENERATORS as Partial<Record<string, (context: PeerContext) => string>>)[options.vendor];
  if (!profile || !generate) throw new Error(`Unknown peer vendor "${options.vendor}".`);
  // Never throws, whatever the value holds: anything but an object reads as an empty file (the API's defaults).
  const record = params !== null && typeof params === 'object' && !Array.isArray(params) ? params : {};
  const read = readTunnel(record);
  const { tunnel, notes } = clampDefaultedLifetimes(read, profile);
  const syntax = VENDOR_SYNTAX[options.vendor];
  const resolved = peerContext({ params: record, tunnel, profile, syntax, options });
  const context = { ...resolved.context, notes: [...notes, ...resolved.context.notes] };
  const text = generate(context);
  // The placeholders are read from the text without the key, so a key that looks like one is not listed.
  const withoutKey = context.pskIncluded ? generate({ ...context, psk: '' }) : text;
  return {
    text,
    problems: [...peerProblems(read, profile), ...resolved.problems],
    placeholders: placeholdersOf(withoutKey),
  };
}
