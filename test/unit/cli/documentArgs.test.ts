/**
 * cli/documentArgs.ts, what `tcvpn export` and `tcvpn peer-config` share: one FILE and node's own words for a
 * wrong option, a named --out, the chosen document of a checked file (a stream needs --document; each refusal ends
 * with the command's "nothing was …"), and exit 2 only for what the user can act on.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { UsageError } from '../../../cli/cloudArgs';
import { chosenPart, isFileError, outFileOf, parseFileCommand, userErrorExit } from '../../../cli/documentArgs';
import { bgpTunnel } from '../../support/export/tunnels';
import { officialExample } from '../../support/fixtures';

const OPTIONS = { out: { type: 'string' }, force: { type: 'boolean' } } as const;

/** The UsageError `run` throws (the test fails when it throws nothing or something else). */
function usageErrorOf(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof UsageError, `not a UsageError: ${String(error)}`);
    return error;
  }
  assert.fail('no UsageError thrown');
}

describe('cli/documentArgs: the shared parts of export and peer-config', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcvpn-documentArgs-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('parseFileCommand and outFileOf', () => {
    it('gives the one FILE and the typed values', () => {
      const { file, values } = parseFileCommand(['t.vpnconn.yaml', '--out', 'x.tf', '--force'], OPTIONS);
      assert.equal(file, 't.vpnconn.yaml');
      assert.deepEqual({ ...values }, { out: 'x.tf', force: true });
    });

    it("keeps node's first line for a wrong option, and asks for exactly one FILE", () => {
      const unknown = usageErrorOf(() => parseFileCommand(['t.vpnconn.yaml', '--psk'], OPTIONS));
      assert.match(unknown.message, /^Unknown option '--psk'/);
      assert.ok(!unknown.message.includes('\n'), 'one line, so the usage follows it');
      for (const argv of [[], ['a.vpnconn.yaml', 'b.vpnconn.yaml']])
        assert.equal(usageErrorOf(() => parseFileCommand(argv, OPTIONS)).message, 'exactly one FILE is needed');
    });

    it('an empty --out is a usage error; no --out is stdout', () => {
      assert.equal(usageErrorOf(() => outFileOf('')).message, '--out needs a file name');
      assert.equal(outFileOf(undefined), undefined);
      assert.equal(outFileOf('x.tf'), 'x.tf');
    });
  });

  describe('chosenPart', () => {
    it('gives the only document: its value as written (Region kept) and its request parameters', () => {
      const file = write('one.vpnconn.json', JSON.stringify({ ...officialExample(), Region: 'ap-beijing' }));
      const { text, part } = chosenPart(file, undefined, 'nothing was done');
      assert.equal(text, fs.readFileSync(file, 'utf8'));
      assert.equal((part.value as Record<string, unknown>).Region, 'ap-beijing');
      assert.equal(part.params?.VpnConnectionName, officialExample().VpnConnectionName);
    });

    it('a stream needs --document, which picks one; a number past the end is refused', () => {
      const stream = [officialExample(), bgpTunnel()].map((value) => stringify(value)).join('---\n');
      const file = write('two.vpnconn.yaml', stream);
      assert.equal(
        usageErrorOf(() => chosenPart(file, undefined, 'nothing was done')).message,
        `${file} has 2 documents: choose one with --document N\nnothing was done`,
      );
      assert.equal(chosenPart(file, 2, 'nothing was done').part.params?.VpnConnectionName, 'bgp-idc-1');
      assert.equal(
        usageErrorOf(() => chosenPart(file, 3, 'nothing was done')).message,
        '--document 3: the file has documents 1..2',
      );
    });

    it("a missing file or one with errors is refused with the command's words", () => {
      const missing = path.join(dir, 'missing.vpnconn.json');
      assert.match(
        usageErrorOf(() => chosenPart(missing, undefined, 'nothing was done')).message,
        /\nnothing was done$/,
      );
      const bad = write('bad.vpnconn.json', JSON.stringify({ ...officialExample(), RouteType: 'Sideways' }));
      const refused = usageErrorOf(() => chosenPart(bad, undefined, 'nothing was written')).message;
      assert.match(refused, /Sideways/);
      assert.ok(refused.startsWith(`${bad}: `), refused);
      assert.match(refused, /\nnothing was written$/);
    });

    it('a file naming its existing tunnel is used (import → export or peer-config)', () => {
      const file = write(
        'named.vpnconn.json',
        JSON.stringify({ ...officialExample(), VpnConnectionId: 'vpnx-abc12345' }),
      );
      assert.equal(
        (chosenPart(file, undefined, 'nothing').part.value as Record<string, unknown>).VpnConnectionId,
        'vpnx-abc12345',
      );
    });
  });

  describe('userErrorExit', () => {
    /** Runs `userErrorExit` with stderr captured: the exit code, the lines given to `err`, the raw stderr. */
    function exitOf(error: unknown, expected?: (error: unknown) => boolean) {
      const lines: string[] = [];
      let stderr = '';
      const write = process.stderr.write;
      process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
      try {
        return { code: userErrorExit(error, (line) => lines.push(line), 'usage: tcvpn x\n', expected), lines, stderr };
      } finally {
        process.stderr.write = write;
      }
    }

    it('a one-line UsageError: exit 2, the message, then the usage', () => {
      assert.deepEqual(exitOf(new UsageError('--out needs a file name')), {
        code: 2,
        lines: ['--out needs a file name'],
        stderr: 'usage: tcvpn x\n',
      });
    });

    it('a UsageError of several lines (a file refused) and an --out file error: no usage', () => {
      assert.deepEqual(exitOf(new UsageError('f: bad\nnothing was done')).stderr, '');
      const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      assert.ok(isFileError(denied));
      assert.deepEqual(exitOf(denied), { code: 2, lines: ['EACCES: permission denied'], stderr: '' });
    });

    it('what the command expects is exit 2 too; anything else is thrown on', () => {
      class Refused extends Error {}
      assert.equal(exitOf(new Refused('no'), (error) => error instanceof Refused).code, 2);
      const bug = new TypeError('x is undefined');
      assert.ok(!isFileError(bug));
      assert.throws(() => exitOf(bug), bug);
      assert.throws(() => exitOf(new Refused('no')), Refused);
    });
  });
});
