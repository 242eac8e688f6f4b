/**
 * Each vendor's way of writing a pre-shared key and an FQDN identity in its configuration — quoted, escaped, in
 * hexadecimal, or refused with the reason when the syntax has no way to say the value — and the rule for the
 * names of its objects. Sources: swanctl.conf(5) and strongSwan's settings lexer and swanctl load-creds (0x/0s
 * prefixes); Libreswan ipsec.secrets(5) and its ipsec.conf lexer; the Cisco IOS and ASA command references
 * (a key is one word; "?" is the help key); Huawei USG "pre-shared-key (IKE peer view)" (quotes for spaces and
 * "?"); H3C Comware 7 (plaintext 1–128 characters, "?" is the help key); Junos "pre-shared-key (ascii-text |
 * hexadecimal)"; FortiOS "psksecret: ASCII string or hexadecimal encoded with a leading 0x", 6–128 printable
 * characters; PAN-OS set commands (double quotes); RouterOS scripting manual (escape sequences).
 */
import type { VendorId } from '../language/peer/vendor';
import type { Localized } from '../language/types';
import { DEFAULT_NAMES, SHORT_NAMES, type NameRule } from './naming';
import {
  asciiChecks,
  backslashQuoted,
  hasControl,
  hasSpace,
  hexOf,
  isPrintableAscii,
  lengthReason,
  quotedIfNeeded,
  REASONS,
  refusal,
  type Written,
} from './valueSyntax';

export interface VendorSyntax {
  /** The pre-shared key as it stands in the key's place of the generated text. */
  psk(key: string): Written;
  /** An FQDN identity as it stands in the identity's place, with the vendor's prefix where it has one. */
  fqdn(name: string): Written;
  /** The names of the vendor's objects. */
  names: NameRule;
  /** The objects the generator numbers with the tunnel's slot N, and the ones all Tencent tunnels share (docs). */
  numbered: string;
  /** How the key is written, in a sentence (docs/peer-devices.md). */
  rule: string;
}

/** Characters no vendor treats specially in an unquoted word (a placeholder's < > included). */
const PLAIN = /^[A-Za-z0-9._@:/<>-]+$/;

/** The check of a key's length (in characters) against the device's range. */
function lengthCheck(key: string, min: number, max: number): [boolean, Localized] {
  const count = [...key].length;
  return [count < min || count > max, lengthReason(count, min, max)];
}

/** A word for a CLI without quoting (Cisco): printable ASCII, no space, no "?". */
function ciscoWord(value: string, keywords: RegExp): Written {
  return (
    refusal([
      ...asciiChecks(value),
      [hasSpace(value), REASONS.space],
      [value.includes('?'), REASONS.question],
      [keywords.test(value), REASONS.keyword],
    ]) ?? { text: value }
  );
}

/** Huawei VRP and H3C Comware: a value with a space (Huawei: or "?") goes in double quotes, which cannot hold a quote. */
function vrpValue(value: string, quotedQuestion: boolean): Written {
  const refused = refusal([
    ...asciiChecks(value),
    [value.includes('"'), REASONS.quote],
    [!quotedQuestion && value.includes('?'), REASONS.question],
  ]);
  return refused ?? { text: hasSpace(value) || value.includes('?') ? `"${value}"` : value };
}

/** swanctl.conf: a quoted string escapes \ and "; a key starting 0x or 0s would be decoded, so it goes in hex. */
const strongswan: VendorSyntax = {
  psk: (key) =>
    /^0[xs]/i.test(key) || hasControl(key) ? { text: `0x${hexOf(key)}` } : { text: backslashQuoted(key, '\\"') },
  fqdn: (name) =>
    refusal([[hasControl(name), REASONS.control]]) ?? {
      text: quotedIfNeeded(`fqdn:${name}`, PLAIN, (value) => backslashQuoted(value, '\\"')),
    },
  names: DEFAULT_NAMES,
  numbered: 'route-based: if_id N (xfrmN)',
  rule: 'In double quotes with \\ and " escaped; a key starting 0x or 0s (which swanctl would decode) or holding a control character in hexadecimal (0x…).',
};

/** ipsec.secrets: a quoted secret is its bytes as written, no escapes, no " or newline; else 0x hexadecimal. */
const libreswan: VendorSyntax = {
  psk: (key) => (key.includes('"') || hasControl(key) ? { text: `0x${hexOf(key)}` } : { text: `"${key}"` }),
  fqdn: (name) =>
    refusal([
      [hasControl(name), REASONS.control],
      [hasSpace(name), REASONS.space],
      [name.includes('"'), REASONS.quote],
    ]) ?? { text: `@${name}` },
  names: DEFAULT_NAMES,
  numbered: 'route-based: ipsec-interface N (ipsecN)',
  rule: 'In double quotes as it is (ipsec.secrets has no escapes); a key holding " or a control character in hexadecimal (0x…).',
};

const ciscoIos: VendorSyntax = {
  psk: (key) => ciscoWord(key, /^(0|6|local|remote)$/i),
  fqdn: (name) => ciscoWord(name, /^$/),
  names: DEFAULT_NAMES,
  numbered:
    'isakmp policy N (IKEv1); route-based: interface TunnelN; policy-based: entry N of the crypto map `tencent`, which all Tencent tunnels share (an interface takes one crypto map)',
  rule: 'As one word (IOS has no quoting): printable ASCII without spaces or "?", and not 0, 6, local or remote (read as options).',
};

const ciscoAsa: VendorSyntax = {
  psk: (key) => {
    const word = ciscoWord(key, /^(0|8)$/);
    return 'text' in word ? (refusal([lengthCheck(key, 1, 128)]) ?? word) : word;
  },
  // The ASA writes no FQDN: it sends its hostname and does not check the peer's (peer-id-validate nocheck).
  fqdn: (name) => ({ text: name }),
  names: DEFAULT_NAMES,
  numbered:
    'ikev1/ikev2 policy N; route-based: interface TunnelN; policy-based: entry N of the crypto map `tencent`, which all Tencent tunnels share',
  rule: 'As one word of 1–128 printable ASCII characters without spaces or "?", and not 0 or 8 (read as options).',
};

const huawei: VendorSyntax = {
  psk: (key) => refusal([lengthCheck(key, 1, 128)]) ?? vrpValue(key, true),
  fqdn: (name) => vrpValue(name, true),
  names: SHORT_NAMES,
  numbered:
    'ike proposal N; route-based: interface Tunnel0/0/N; policy-based: ACL 3000+N and entry N of the IPsec policy group `tencent`, which all Tencent tunnels share (an interface takes one policy group)',
  rule: '1–128 printable ASCII characters, in double quotes when it holds a space or "?"; a key holding " cannot be written.',
};

const h3c: VendorSyntax = {
  psk: (key) => refusal([lengthCheck(key, 1, 128)]) ?? vrpValue(key, false),
  fqdn: (name) => vrpValue(name, false),
  names: DEFAULT_NAMES,
  numbered:
    'ike proposal N (IKEv1); route-based: interface TunnelN; policy-based: ACL 3000+N and entry N of the IPsec policy group `tencent`, which all Tencent tunnels share',
  rule: '1–128 printable ASCII characters, in double quotes when it holds a space; a key holding " or "?" cannot be written.',
};

/** Junos: ascii-text in double quotes for plain text, hexadecimal for anything a terminal could garble. */
const juniperSrx: VendorSyntax = {
  psk: (key) =>
    isPrintableAscii(key) && !/["\\?]/.test(key)
      ? { text: `ascii-text "${key}"` }
      : { text: `hexadecimal ${hexOf(key)}` },
  fqdn: (name) =>
    refusal([...asciiChecks(name), [name.includes('?'), REASONS.question]]) ?? {
      text: quotedIfNeeded(name, PLAIN, (value) => backslashQuoted(value, '\\"')),
    },
  names: DEFAULT_NAMES,
  numbered: 'st0.N (the security zone `vpn` is shared)',
  rule: 'ascii-text in double quotes; a key holding ", \\, "?" or anything outside printable ASCII as hexadecimal.',
};

/** FortiOS: 6–128 characters; in double quotes, or in hexadecimal (a key starting 0x would be read as hex). */
const fortios: VendorSyntax = {
  psk: (key) =>
    refusal([lengthCheck(key, 6, 128)]) ??
    (/^0+x/i.test(key) || !isPrintableAscii(key) || /["'\\?]/.test(key)
      ? { text: `0x${hexOf(key)}` }
      : { text: `"${key}"` }),
  fqdn: (name) =>
    refusal([...asciiChecks(name), [name.includes('?'), REASONS.question]]) ?? {
      text: backslashQuoted(name, '\\"'),
    },
  names: SHORT_NAMES,
  numbered: 'none (the phase 1 name is the tunnel interface)',
  rule: '6–128 characters in double quotes; a key starting 0x, or holding a quote, \\, "?" or anything outside printable ASCII, in hexadecimal (0x…).',
};

/** PAN-OS set commands: double quotes around a value with spaces; no escape for " or \ is documented. */
function panosValue(value: string): Written {
  return (
    refusal([
      ...asciiChecks(value),
      [value.includes('"'), REASONS.quote],
      [value.includes('\\'), REASONS.backslash],
      [value.includes('?'), REASONS.question],
    ]) ?? { text: quotedIfNeeded(value, PLAIN, (plain) => `"${plain}"`) }
  );
}

const panos: VendorSyntax = {
  psk: (key) => refusal([lengthCheck(key, 1, 255)]) ?? panosValue(key),
  fqdn: panosValue,
  names: DEFAULT_NAMES,
  numbered: 'tunnel.N',
  rule: '1–255 printable ASCII characters, in double quotes unless plain; a key holding ", \\ or "?" cannot be written (enter it in the web interface).',
};

/** RouterOS: double quotes, with \ " ? $ and control characters escaped (other bytes as \XX). */
function routerOsQuoted(value: string): string {
  const named: Record<string, string> = {
    '\\': '\\\\',
    '"': '\\"',
    '?': '\\?',
    $: '\\$',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
  };
  const bytes = (char: string) =>
    [...new TextEncoder().encode(char)].map((byte) => `\\${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  const escape = (char: string) =>
    named[char] ?? (hasControl(char) || !isPrintableAscii(char) ? bytes(char).join('') : char);
  return `"${[...value].map(escape).join('')}"`;
}

const mikrotik: VendorSyntax = {
  psk: (key) => ({ text: routerOsQuoted(key) }),
  fqdn: (name) => ({ text: quotedIfNeeded(`fqdn:${name}`, PLAIN, routerOsQuoted) }),
  names: DEFAULT_NAMES,
  numbered: 'none',
  rule: 'In double quotes with \\ " ? $ and control characters escaped, other bytes as \\XX: every key can be written.',
};

export const VENDOR_SYNTAX: Record<VendorId, VendorSyntax> = {
  strongswan,
  libreswan,
  'cisco-ios': ciscoIos,
  'cisco-asa': ciscoAsa,
  huawei,
  h3c,
  'juniper-srx': juniperSrx,
  fortios,
  panos,
  mikrotik,
};
