/**
 * The names of the objects a generator creates on the device (proposals, policies, peers, keyrings, tunnels),
 * derived from the tunnel so that two tunnels' configurations can live on one device: the VpnConnectionName
 * (else the VpnConnectionId) in lower-case ASCII letters, digits and dashes, after the vendor's prefix and cut to
 * its length. A name that loses characters on the way (a Chinese name, punctuation, one cut short) ends in four
 * characters of a hash of the whole, so two such names stay apart. Objects a vendor numbers instead of naming (an
 * IKE proposal, an ACL, a tunnel interface) take the tunnel's slot, 1–99, from the same hash.
 */

export interface NameRule {
  /** What every name starts with, so the objects' purpose shows on the device. */
  prefix: string;
  /** The longest name the vendor takes for these objects. */
  maxLength: number;
}

/** Where no vendor limit is tighter: "tencent-" and at most 24 characters. */
export const DEFAULT_NAMES: NameRule = { prefix: 'tencent-', maxLength: 24 };

/** For the vendors whose names stop at 15 characters (Huawei VRP, a FortiOS phase 1 interface). */
export const SHORT_NAMES: NameRule = { prefix: 'tc-', maxLength: 15 };

/** The text the names come from: the connection's name, else its id, else nothing (the bare prefix). */
export function nameSource(params: Record<string, unknown>): string {
  for (const key of ['VpnConnectionName', 'VpnConnectionId']) {
    const value = params[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return '';
}

/** FNV-1a over the UTF-8 bytes: stable from run to run, so a tunnel keeps its names and slot. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) value = Math.imul(value ^ byte, 0x01000193) >>> 0;
  return value;
}

/** Four base-36 characters of the hash. */
function hashSuffix(text: string): string {
  return hash(text).toString(36).padStart(4, '0').slice(-4);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The tunnel's name on a vendor: prefix and slug; cut and hashed when the slug is not the whole name or too long. */
export function deviceName(source: string, rule: NameRule): string {
  const whole = `${rule.prefix}${slug(source)}`.replace(/-+$/, '');
  // Letters, digits and the separators a slug turns into dashes are kept; anything else is lost in the slug.
  const lossy = /[^A-Za-z0-9 _.-]/.test(source);
  if (!lossy && whole.length <= rule.maxLength) return whole;
  const cut = whole.slice(0, rule.maxLength - 5).replace(/-+$/, '');
  return `${cut}-${hashSuffix(source)}`;
}

/** The tunnel's number for the objects a vendor numbers: 1–99, from the same text as its names. */
export function tunnelSlot(source: string): number {
  return 1 + (hash(source) % 99);
}
