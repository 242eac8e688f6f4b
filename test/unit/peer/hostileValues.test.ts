/**
 * Pre-shared keys and FQDN identities with spaces, quotes, "#", "!", "?" and backslashes, one test per vendor: the
 * key the generated text holds, read back by a decoder written here from the vendor's documented syntax (not from
 * peer/), is the file's key — or the vendor cannot write it, and then a PreShareKey problem says why without the
 * key, and the text holds the placeholder and no part of the key. Also: a value with a line break never puts a
 * line of its own in the text.
 */
import assert from 'node:assert/strict';
import { peerConfig, VENDORS, type VendorId } from '../../../peer/index';

/** A key with a space, a double quote, "#", "!", "?" and a backslash. */
const HOSTILE = 'a b"c#d!e?f\\g';
/** A key that needs quoting (a space, "#", "!") but holds nothing a quote cannot. */
const QUOTABLE = 'a b#c!d';
/** A backslash without a quote: Libreswan's quoted secret takes it as it is (an escape there would change the key). */
const BACKSLASH = 'zq\\with space';

function params(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    VpnConnectionName: 'hostile',
    RouteType: 'StaticRoute',
    IKEOptionsSpecification: {
      IKEVersion: 'IKEV2',
      PropoEncryAlgorithm: 'AES-CBC-128',
      DhGroupName: 'GROUP14',
      LocalAddress: '198.51.100.1',
      RemoteAddress: '203.0.113.2',
    },
    ...fields,
  };
}

const fromHex = (hex: string): string => Buffer.from(hex, 'hex').toString('utf8');
const unquoted = (text: string): string => (/^".*"$/s.test(text) ? text.slice(1, -1) : text);
/** A double-quoted string where a backslash takes the next character literally (\n, \r, \t as control characters). */
const backslashUnquoted = (text: string): string =>
  unquoted(text).replace(/\\(.)/gs, (_, char: string) => ({ n: '\n', r: '\r', t: '\t' })[char] ?? char);

/** RouterOS: \" \\ \? \$ \_ and \a \b \f \n \r \t \v, else two upper-case hex digits (the scripting manual). */
function routerOsUnquoted(text: string): string {
  const named: Record<string, string> = { '"': '"', '\\': '\\', '?': '?', $: '$', _: '_', n: '\n', r: '\r', t: '\t' };
  const bytes: number[] = [];
  const body = unquoted(text);
  for (let index = 0; index < body.length; index += 1) {
    if (body[index] !== '\\') {
      // Unescaped, "?" asks the console for help and "$" names a variable.
      assert.ok(!'?$'.includes(body[index]), `RouterOS reads an unescaped ${body[index]}`);
      bytes.push(...Buffer.from(body[index], 'utf8'));
      continue;
    }
    const next = body[index + 1];
    if (named[next] !== undefined) {
      bytes.push(...Buffer.from(named[next], 'utf8'));
      index += 1;
    } else {
      assert.match(body.slice(index + 1, index + 3), /^[0-9A-F]{2}$/, 'a RouterOS hex escape');
      bytes.push(parseInt(body.slice(index + 1, index + 3), 16));
      index += 2;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Each vendor: where the key stands in its text, and how its syntax reads that back into the key. */
const READERS: Record<VendorId, { at: RegExp; decode: (written: string) => string }> = {
  strongswan: {
    at: /^\s*secret = (.+)$/m,
    decode: (w) => (w.startsWith('0x') ? fromHex(w.slice(2)) : backslashUnquoted(w)),
  },
  // ipsec.secrets: a quoted secret is the bytes between the quotes, with no escapes at all.
  libreswan: { at: /: PSK (.+)$/m, decode: (w) => (w.startsWith('0x') ? fromHex(w.slice(2)) : unquoted(w)) },
  'cisco-ios': { at: /^ {2}pre-shared-key (.+)$/m, decode: (w) => w },
  'cisco-asa': { at: /local-authentication pre-shared-key (.+)$/m, decode: (w) => w },
  huawei: { at: /pre-shared-key cipher (.+)$/m, decode: unquoted },
  h3c: { at: /pre-shared-key plaintext (.+)$/m, decode: unquoted },
  'juniper-srx': {
    at: /pre-shared-key (.+)$/m,
    decode: (w) => (w.startsWith('hexadecimal ') ? fromHex(w.slice(12)) : backslashUnquoted(w.slice(11))),
  },
  fortios: {
    at: /set psksecret (.+)$/m,
    decode: (w) => (w.startsWith('0x') ? fromHex(w.slice(2)) : backslashUnquoted(w)),
  },
  panos: { at: /pre-shared-key key (.+)$/m, decode: unquoted },
  mikrotik: { at: / secret=("(?:[^"\\]|\\.)*")/, decode: routerOsUnquoted },
};

/** What each vendor does with the two keys: written (read back), or refused for the reason named. */
type Outcome = RegExp | 'written';
const EXPECTED: Record<VendorId, { hostile: Outcome; quotable: Outcome; backslash: Outcome }> = {
  strongswan: { hostile: 'written', quotable: 'written', backslash: 'written' },
  libreswan: { hostile: 'written', quotable: 'written', backslash: 'written' },
  'cisco-ios': { hostile: /space/, quotable: /space/, backslash: /space/ },
  'cisco-asa': { hostile: /space/, quotable: /space/, backslash: /space/ },
  huawei: { hostile: /double quote/, quotable: 'written', backslash: 'written' },
  h3c: { hostile: /double quote/, quotable: 'written', backslash: 'written' },
  'juniper-srx': { hostile: 'written', quotable: 'written', backslash: 'written' },
  fortios: { hostile: 'written', quotable: 'written', backslash: 'written' },
  panos: { hostile: /double quote/, quotable: 'written', backslash: /backslash/ },
  mikrotik: { hostile: 'written', quotable: 'written', backslash: 'written' },
};

function checkKey(vendor: VendorId, key: string, expected: Outcome): void {
  const config = peerConfig(params({ PreShareKey: key }), { vendor, includePsk: true });
  const problems = config.problems.filter((problem) => problem.parameter === 'PreShareKey');
  if (expected === 'written') {
    assert.deepEqual(problems, [], `${vendor} writes ${JSON.stringify(key)}`);
    const found = READERS[vendor].at.exec(config.text);
    assert.ok(found, `${vendor}: no key in the text`);
    assert.equal(READERS[vendor].decode(found[1]), key, `${vendor} reads back ${found[1]}`);
    assert.ok(!config.placeholders.includes('<PRE_SHARED_KEY>'));
    return;
  }
  assert.equal(problems.length, 1, `${vendor} refuses ${JSON.stringify(key)}`);
  assert.match(problems[0].message.en, expected);
  assert.match(problems[0].message.en, /<PRE_SHARED_KEY> in its place/);
  assert.ok(problems[0].message.zh.includes('预共享密钥'));
  for (const text of [config.text, problems[0].message.en, problems[0].message.zh]) {
    assert.ok(!text.includes(key.slice(0, 3)), `${vendor}: a part of the key shows`);
  }
  assert.ok(config.placeholders.includes('<PRE_SHARED_KEY>'));
}

describe('peer configurations: hostile pre-shared keys', () => {
  for (const { id } of VENDORS) {
    it(`${id}: writes a key with spaces, quotes, #, !, ? and \\ so that its syntax reads it back, or says why not`, () => {
      checkKey(id, HOSTILE, EXPECTED[id].hostile);
      checkKey(id, QUOTABLE, EXPECTED[id].quotable);
      checkKey(id, BACKSLASH, EXPECTED[id].backslash);
    });
  }

  it('says the device cannot take the key also when the key is not written (no includePsk)', () => {
    const config = peerConfig(params({ PreShareKey: HOSTILE }), { vendor: 'cisco-ios' });
    assert.deepEqual(
      config.problems.map((problem) => problem.parameter),
      ['PreShareKey'],
    );
    assert.ok(config.text.includes('pre-shared-key <PRE_SHARED_KEY>'));
  });
});

/** A name with a space: quoted where the vendor quotes, else a problem on the parameter (ASA writes no FQDN). */
const FQDN_WITH_SPACE: Record<VendorId, string | 'problem' | 'unwritten'> = {
  strongswan: 'id = "fqdn:idc site.example"',
  libreswan: 'problem',
  'cisco-ios': 'problem',
  'cisco-asa': 'unwritten',
  huawei: ' local-id "idc site.example"',
  h3c: ' identity local fqdn "idc site.example"',
  'juniper-srx': 'local-identity hostname "idc site.example"',
  fortios: 'set localid "idc site.example"',
  panos: 'local-id type fqdn id "idc site.example"',
  mikrotik: 'my-id="fqdn:idc site.example"',
};

describe('peer configurations: hostile FQDN identities', () => {
  const fqdn = (name: string) =>
    params({
      IKEOptionsSpecification: { IKEVersion: 'IKEV2', RemoteIdentity: 'FQDN', RemoteFqdnName: name },
    });

  for (const { id } of VENDORS) {
    it(`${id}: writes an FQDN identity with a space as its syntax takes it, or names the parameter`, () => {
      const config = peerConfig(fqdn('idc site.example'), { vendor: id });
      const problems = config.problems.filter((p) => p.parameter === 'IKEOptionsSpecification.RemoteFqdnName');
      const expected = FQDN_WITH_SPACE[id];
      if (expected === 'problem') {
        assert.equal(problems.length, 1);
        assert.match(problems[0].message.en, /space/);
        assert.ok(!config.text.includes('idc site') && config.text.includes('<FQDN>'));
      } else {
        assert.deepEqual(problems, []);
        if (expected === 'unwritten') assert.ok(!config.text.includes('idc site'));
        else assert.ok(config.text.includes(expected), `${id} lacks ${expected}`);
      }
    });
  }

  it('never lets a line break in an identity or the connection name start a line of its own', () => {
    const injected = 'set system root-authentication plain-text-password';
    for (const { id } of VENDORS) {
      const config = peerConfig(
        {
          ...fqdn(`idc.example\n${injected}`),
          VpnConnectionName: `office\r\n${injected}`,
          PreShareKey: `k\n${injected}`,
        },
        { vendor: id, includePsk: true },
      );
      const lines = config.text.split(/\r?\n|\r/);
      assert.ok(!lines.some((line) => line.trimStart().startsWith(injected)), `${id} took a line from the file`);
    }
  });
});
