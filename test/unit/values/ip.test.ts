/**
 * parseCidr is hand-written for memory (one regular expression and one IPv4 object per block instead of ipaddr.js
 * parsing each text three times): it must accept exactly the texts ipaddr.js's four-part-decimal path accepts and
 * give the same block. Checked over seeded random texts near the grammar's edges, and a list of known edge cases.
 */
import * as assert from 'node:assert/strict';
import * as ipaddr from 'ipaddr.js';
import { parseCidr } from '../../../language/values/ip';

/** What ipaddr.js says of a text: undefined when it refuses it, else the address and prefix it parses. */
function byLibrary(text: string): { address: string; prefix: number } | undefined {
  if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) return undefined;
  const [address, prefix] = ipaddr.IPv4.parseCIDR(text);
  return { address: address.toString(), prefix };
}

function byOurs(text: string): { address: string; prefix: number } | undefined {
  const cidr = parseCidr(text);
  return cidr && { address: cidr.address.toString(), prefix: cidr.prefix };
}

/** A small deterministic generator (mulberry32), so a failure names a text that reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PART_SHAPES = ['0', '00', '01', '7', '10', '99', '255', '256', '300', '999', '1000', '', 'a', ' 1', '-1', '0x1'];
const PREFIX_SHAPES = ['0', '8', '24', '32', '33', '00', '01', '032', '100', '', 'x', '1 '];

function generated(next: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const part = () => (next() < 0.5 ? String(Math.floor(next() * 300)) : pick(PART_SHAPES));
  const parts = Array.from({ length: next() < 0.9 ? 4 : Math.floor(next() * 6) }, part);
  const prefix = next() < 0.6 ? String(Math.floor(next() * 40)) : pick(PREFIX_SHAPES);
  return next() < 0.95 ? `${parts.join('.')}/${prefix}` : parts.join('.');
}

describe('parseCidr agrees with ipaddr.js', () => {
  it('on known edge cases', () => {
    const edges = [
      '10.0.0.0/8',
      '0.0.0.0/0',
      '255.255.255.255/32',
      '10.0.0.5/24',
      '010.0.0.0/8',
      '10.0.0.0/08',
      '10.0.0.0/33',
      '10.0.0.256/24',
      '10.0.0/24',
      '10.0.0.0.0/24',
      '10.0.0.0/',
      '10.0.0.0',
      ' 10.0.0.0/8',
      '10.0.0.0/8 ',
      '::1/128',
      '1e1.0.0.0/8',
    ];
    for (const text of edges) assert.deepEqual(byOurs(text), byLibrary(text), text);
  });

  it('on 20,000 seeded random texts near the grammar', () => {
    const next = random(20261202);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = generated(next);
      const expected = byLibrary(text);
      assert.deepEqual(byOurs(text), expected, text);
      if (expected) accepted++;
    }
    // Both sides of the grammar were exercised, not only refusals.
    assert.ok(accepted > 1_000 && accepted < 19_000, `${accepted} accepted`);
  });

  it('gives the first and last address of the block and whether host bits are set', () => {
    const cidr = parseCidr('10.1.2.3/16');
    assert.ok(cidr);
    assert.equal(
      ipaddr
        .fromByteArray([
          (cidr.first >>> 24) & 255,
          (cidr.first >>> 16) & 255,
          (cidr.first >>> 8) & 255,
          cidr.first & 255,
        ])
        .toString(),
      '10.1.0.0',
    );
    assert.equal(cidr.last, ((10 << 24) | (1 << 16) | (255 << 8) | 255) >>> 0);
    assert.equal(cidr.hostBits, true);
    assert.equal(parseCidr('10.1.0.0/16')?.hostBits, false);
  });
});
