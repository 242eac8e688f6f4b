/**
 * `tcvpn validate` exit status: 0 without errors (warnings allowed), 1 with errors, 2 for usage errors and inputs
 * that cannot be checked, and the silencing of the rules issue (setting-style --disable, YAML comments).
 */
import * as assert from 'node:assert/strict';
import { linesOf, validate } from './support/runCli';

describe('tcvpn validate: exit status', () => {
  it('exits 0 and prints nothing for valid JSON and YAML files', async () => {
    const run = await validate(['valid/policy-tunnel.vpnconn.json', 'valid/bgp-tunnel.vpnconn.yaml']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, '');
  });

  it('exits 0 when the only findings are warnings, and still prints them', async () => {
    const run = await validate(['warnings/dpd-off.vpnconn.yaml']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^warnings\/dpd-off\.vpnconn\.yaml:7:1: warning dpd-fields-ignored /m);
  });

  it('exits 1 when a file has an error', async () => {
    const run = await validate(['valid', 'errors/bad-enum.vpnconn.yaml']);
    assert.equal(run.code, 1);
  });

  for (const [why, args, expected] of [
    ['no file arguments', [], /no files, directories or globs given/],
    ['an unknown option', ['--fromat', 'json', 'valid'], /unknown option "--fromat"/],
    ['an unknown format', ['--format', 'xml', 'valid'], /--format must be one of text, json, sarif/],
    ['an unknown language', ['--lang', 'fr', 'valid'], /--lang must be zh or en/],
    ['an option without its value', ['valid', '--format'], /--format needs a value/],
  ] as const) {
    it(`exits 2 with the usage on stderr for ${why}`, async () => {
      const run = await validate([...args]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, expected);
      assert.match(run.stderr, /usage: tcvpn validate/);
      assert.equal(run.stdout, '');
    });
  }

  it('--help prints the usage on stdout and exits 0', async () => {
    const run = await validate(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /usage: tcvpn validate/);
  });

  it('exits 2 for a missing file, names it on stderr, and still checks the other files', async () => {
    const run = await validate(['no/such.vpnconn.json', 'errors/bad-enum.vpnconn.yaml']);
    assert.equal(run.code, 2, 'an unreadable input wins over found errors');
    assert.match(run.stderr, /^tcvpn validate: no\/such\.vpnconn\.json: no such file or directory$/m);
    assert.match(run.stdout, /^errors\/bad-enum\.vpnconn\.yaml:5:12: error InvalidParameterValue /m);
  });

  it('a run that checked nothing because its only file is missing never ends like a clean run', async () => {
    const run = await validate(['nope.yaml']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^tcvpn validate: nope\.yaml: no such file or directory$/m);
    assert.match(
      run.stderr,
      /^0 errors, 0 warnings in 0 files; 1 input could not be checked \(see above\): not a clean run$/m,
    );
    assert.doesNotMatch(run.stderr, /in 0 files$/m);
  });

  it('exits 2 for a file that is neither .json nor .yaml/.yml', async () => {
    const run = await validate(['unsupported/tunnel.vpnconn.txt', 'valid']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unsupported\/tunnel\.vpnconn\.txt: unsupported file type/);
  });

  it('--disable silences a rule by id, like the disabledRules setting', async () => {
    const run = await validate(['--disable', 'dpd-fields-ignored', 'warnings/dpd-off.vpnconn.yaml']);
    assert.equal(run.stdout, '');
    assert.equal(run.code, 0);
  });

  it('--disable silences by API error code and takes comma-separated lists', async () => {
    const run = await validate([
      '--disable=UnknownParameter,MissingParameter',
      'errors/missing-and-unknown.vpnconn.json',
    ]);
    assert.equal(run.stdout, '');
    assert.equal(run.code, 0, 'with both errors silenced nothing is left');
  });

  it('honours a "# tcvpn-disable-line" comment in YAML', async () => {
    const silenced = await validate(['warnings/dpd-off-silenced.vpnconn.yaml']);
    const loud = await validate(['warnings/dpd-off.vpnconn.yaml']);
    assert.equal(linesOf(loud.stdout).length, 1, 'the same document without the comment has the warning');
    assert.equal(silenced.stdout, '');
  });
});
