/**
 * `tcvpn validate` and `tcvpn submit --dry-run` read a file through the one pipeline, so they must print the same
 * findings for it, silenced ones left out alike; they differ only where the submit says so by name: a silenced
 * error still refuses a submit (exit 1) while validate passes it (exit 0).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureBuilt } from '../support/build';
import { CLI_FIXTURES, REPO_ROOT, validate } from './support/runCli';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

/** `tcvpn submit --dry-run ARGS` as a user runs it, with no credentials anywhere and an English locale. */
function dryRun(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const env = { PATH: process.env.PATH ?? '', HOME: mkdtempSync(path.join(tmpdir(), 'tcvpn-home-')), LANG: 'C' };
  const run = spawnSync(process.execPath, [CLI, 'submit', '--dry-run', ...args], { cwd, env, encoding: 'utf8' });
  rmSync(env.HOME, { recursive: true, force: true });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** The repo's fixture files of one folder, as paths relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(path.join(FIXTURES, folder))
    .filter((name) => /\.vpnconn\.(json|ya?ml)$/.test(name))
    .map((name) => path.join(folder, name));
}

// Every CLI and editor fixture, and every seventh file of the real-world corpus (the rest only add run time).
const corpus = [...filesUnder('corpus/valid'), ...filesUnder('corpus/invalid')].sort().filter((_, i) => i % 7 === 0);
const FILES = [...['cli/valid', 'cli/errors', 'cli/warnings', 'editor'].flatMap(filesUnder), ...corpus];

describe('tcvpn validate and tcvpn submit --dry-run agree', function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  for (const file of FILES) {
    it(`prints the same findings for ${file}`, async () => {
      const checked = await validate(['--format', 'json', file], FIXTURES);
      const dry = dryRun(['--output', 'json', file], FIXTURES);
      assert.deepEqual(JSON.parse(dry.stdout), JSON.parse(checked.stdout), dry.stderr);
      assert.equal(dry.code === 1, checked.code === 1, `exit codes ${dry.code} vs ${checked.code}: ${dry.stderr}`);
      assert.match(dry.stderr, /nothing was sent/);
    });
  }

  it('leaves out the findings silenced by a comment and by --disable alike (text output too)', async () => {
    const file = 'warnings/dpd-off-silenced.vpnconn.yaml';
    assert.equal(dryRun([file], CLI_FIXTURES).stdout, (await validate([file])).stdout);
    const disabled = ['--disable', 'dpd-fields-ignored', 'warnings/dpd-off.vpnconn.yaml'];
    const checked = await validate(disabled);
    assert.equal(dryRun(disabled, CLI_FIXTURES).stdout, checked.stdout);
    assert.notEqual(
      checked.stdout,
      (await validate(['warnings/dpd-off.vpnconn.yaml'])).stdout,
      'the flag silenced something',
    );
  });

  it('a silenced error: both hide it, validate passes the file, the dry run refuses it and says why', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tcvpn-silenced-'));
    try {
      const text =
        'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7\nVpnConnectionName: t\nPreShareKey: k\nDpdEnable: 1\n# tcvpn-disable-next-line dpd-timeout-range\nDpdTimeout: "120"\n';
      writeFileSync(path.join(dir, 'silenced.vpnconn.yaml'), text);
      const checked = await validate(['--format', 'json', 'silenced.vpnconn.yaml'], dir);
      const dry = dryRun(['--output', 'json', 'silenced.vpnconn.yaml'], dir);
      assert.deepEqual(JSON.parse(dry.stdout), JSON.parse(checked.stdout));
      assert.equal(checked.code, 0);
      assert.equal(dry.code, 1);
      assert.match(dry.stderr, /silenced, but an error still blocks a submit/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs no credentials and names what would be sent', () => {
    const run = dryRun(['cli/valid/bgp-tunnel.vpnconn.yaml'], FIXTURES);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /dry run: 1 document would be submitted/);
  });
});
